package org.dlnexplorer.app;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;

/**
 * A scroll pane around content that changes many times a second (the views while a control is dragged, the
 * controls' value labels) without the skin's bitmap cache of its viewport. JavaFX's ScrollPaneSkin caches the
 * viewport (setCache(true)), which pays off for still content; here every new picture invalidates the cache,
 * so each frame the whole viewport was rendered into the cache and then the cache onto the screen: twice the
 * render thread's work for nothing.
 */
final class LiveViewport {
    /** the skin's viewport node (ScrollPaneSkin gives it this style class) */
    static final String VIEWPORT = "viewport";

    private LiveViewport() {}

    /** turns the viewport cache off now (if the skin exists) and for every skin the pane gets later */
    static void uncache(ScrollPane pane) {
        pane.skinProperty().addListener((o, was, now) -> apply(pane, now));
        apply(pane, pane.getSkin());
    }

    /** true when pane's viewport exists and is not cached (what the tests check) */
    static boolean isUncached(ScrollPane pane) {
        Node v = viewport(pane);
        return v != null && !v.isCache();
    }

    private static void apply(ScrollPane pane, Skin<?> skin) {
        if (skin == null) return;
        Node v = viewport(pane);
        if (v != null) v.setCache(false);
    }

    private static Node viewport(ScrollPane pane) {
        if (pane.getSkin() == null) return null;
        for (Node n : pane.getChildrenUnmodifiable()) if (n.getStyleClass().contains(VIEWPORT)) return n;
        return null;
    }
}
