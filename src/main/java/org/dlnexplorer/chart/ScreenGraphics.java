package org.dlnexplorer.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The graphics the app's painter draws a view into on screen (exports set their own): text antialiased with
 * fractional metrics, shapes antialiased except in a {@link Draft}, lines simplified within
 * {@link PathSimplifier#TOLERANCE_PX}, and, when asked, the image itself named as the {@link LayerCache}
 * target, so that a chart may paste a layer it drew before under the same inputs.
 */
public final class ScreenGraphics {
    private ScreenGraphics() {}

    public static Graphics2D create(BufferedImage img, boolean draft, boolean layerTarget) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, draft ? RenderingHints.VALUE_ANTIALIAS_OFF : RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        // on screen, lines leave out the vertices that lie within a quarter pixel of the line drawn
        g.setRenderingHint(PathSimplifier.HINT, PathSimplifier.ON);
        if (draft) g.setRenderingHint(Draft.HINT, Draft.ON);
        if (layerTarget) g.setRenderingHint(LayerCache.TARGET, img);
        return g;
    }
}
