package org.dlnexplorer.app;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.dlnexplorer.chart.InlineMath;
import org.dlnexplorer.export.Lecture;
import org.dlnexplorer.preset.PresetException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A lecture playlist in the app: PageDown / PageUp (what presentation clickers send) go to the next or
 * previous step, which loads the step's preset (an undoable load), shows its views and its caption under
 * them, and runs its animation: the time cursor sweeping, or a parameter dragged from → to. FX thread.
 */
final class LecturePlayer {
    private final ViewModel vm;
    private final Consumer<PresetLibrary.Entry> select;
    private final Presentation presentation;
    private final BorderPane root;
    private final Animation animation;
    private final SimpleIntegerProperty index = new SimpleIntegerProperty(-1);
    /** the caption under the views: one in the window, one (larger) in presentation mode */
    private final TextFlow caption = new TextFlow(), presentedCaption = new TextFlow();
    private final Label position = new Label(), presentedPosition = new Label();
    private final Node bar, presentedBar;
    private Lecture lecture;
    private List<PresetLibrary.Entry> entries = List.of();
    private Node savedBottom;

    LecturePlayer(ViewModel vm, Consumer<PresetLibrary.Entry> select, Presentation presentation, BorderPane root,
                  Playback playback) {
        this.vm = vm;
        this.select = select;
        this.presentation = presentation;
        this.root = root;
        this.animation = new Animation(vm, playback);
        caption.setId("lecture-caption");
        presentedCaption.setId("presented-lecture-caption");
        position.setId("lecture-position");
        bar = bar(caption, position, "lecture-bar");
        presentedBar = bar(presentedCaption, presentedPosition, "lecture-bar-presented");
    }

    private static Node bar(TextFlow text, Label where, String style) {
        text.getStyleClass().add("lecture-caption");
        where.getStyleClass().add("lecture-position");
        where.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(16, text, where);
        box.getStyleClass().add(style);
        return box;
    }

    /** Read a playlist and show its first step; a bad file changes nothing and says why. */
    boolean open(Path file) {
        Lecture l;
        try {
            l = Lecture.read(file);
        } catch (PresetException e) {
            vm.report(Severity.ERROR, "error: " + e.getMessage());
            return false;
        }
        lecture = l;
        List<PresetLibrary.Entry> es = new ArrayList<>();
        for (Lecture.Step s : l.steps())
            es.add(new PresetLibrary.Entry(Path.of(s.presetName()).getFileName().toString(), s.presetSource(), s.preset()));
        entries = es;
        if (savedBottom == null) {
            savedBottom = root.getBottom();
            root.setBottom(new VBox(bar, savedBottom));
        }
        presentation.setCaption(presentedBar);
        go(0);
        vm.report(Severity.INFO, "lecture \"" + l.title() + "\": " + l.steps().size() + " steps (PageDown / PageUp)");
        return true;
    }

    Lecture lecture() { return lecture; }

    /** the step shown, from 0, or −1 */
    ReadOnlyIntegerProperty index() { return index; }

    /** PageDown: the next step; false when there is none (no playlist, or the last step). */
    boolean next() { return lecture != null && index.get() + 1 < lecture.steps().size() && go(index.get() + 1); }

    /** PageUp: the previous step. */
    boolean previous() { return lecture != null && index.get() > 0 && go(index.get() - 1); }

    /** the caption shown, as plain text (math in Unicode) */
    String captionText() {
        StringBuilder b = new StringBuilder();
        for (Node n : caption.getChildren()) b.append(((Text) n).getText());
        return b.toString();
    }

    private boolean go(int i) {
        animation.stop();
        Lecture.Step s = lecture.steps().get(i);
        index.set(i);
        select.accept(entries.get(i));
        presentation.showViews(s.views());
        fill(caption, s.caption());
        fill(presentedCaption, s.caption());
        String where = (i + 1) + " / " + lecture.steps().size();
        position.setText(where);
        presentedPosition.setText(where);
        if (s.animate() != null) animation.start(s.animate());
        return true;
    }

    private static void fill(TextFlow flow, String text) {
        flow.getChildren().clear();
        for (InlineMath.Run r : InlineMath.runs(text)) {
            Text t = new Text(r.text());
            t.getStyleClass().add(r.math() ? "lecture-math" : "lecture-text");
            flow.getChildren().add(t);
        }
    }

    /** A step's animation: the time cursor through the run, or a parameter from → to, on the FX pulse. */
    static final class Animation {
        private final ViewModel vm;
        private final Playback playback;
        private AnimationTimer timer;

        Animation(ViewModel vm, Playback playback) {
            this.vm = vm;
            this.playback = playback;
        }

        void stop() {
            if (timer != null) timer.stop();
            timer = null;
        }

        void start(Lecture.Animate a) {
            stop();
            if (a.isTime()) {
                // playback crosses the whole run in PLAYBACK_SECONDS / speed
                vm.speed.set(Playback.PLAYBACK_SECONDS / a.seconds() * Math.abs(a.to() - a.from()) / Math.max(vm.duration.get(), 1e-12));
                vm.cursorT.set(Math.max(0, Math.min(a.from(), vm.duration.get())));
                if (!vm.playing.get()) playback.togglePlay();
                return;
            }
            Consumer<Double> set = setter(a.parameter());
            if (set == null) {
                vm.report(Severity.ERROR, "the app cannot animate " + a.parameter() + " (export --sweep can)");
                return;
            }
            boolean log = a.parameter().equals("init.scale") && a.from() > 0 && a.to() > 0;
            timer = new AnimationTimer() {
                private long start = -1;

                @Override
                public void handle(long now) {
                    if (start < 0) start = now;
                    double u = Math.min(1, (now - start) / 1e9 / a.seconds());
                    double v = log ? Math.exp(Math.log(a.from()) + u * (Math.log(a.to()) - Math.log(a.from())))
                            : a.from() + u * (a.to() - a.from());
                    set.accept(v);
                    if (u >= 1) stop();
                }
            };
            timer.start();
        }

        /** the view-model property a preset field is on, or null when the app has no control for it */
        private Consumer<Double> setter(String path) {
            return switch (path) {
                case "init.delta" -> vm.delta::set;
                case "init.scale" -> v -> vm.logScale.set(Math.log10(v));
                case "init.seed" -> v -> vm.seed.set(Math.round(v));
                case "network.depth" -> v -> vm.depth.set((int) Math.round(v));
                case "network.width" -> v -> vm.width.set((int) Math.round(v));
                case "training.learningRate" -> vm.learningRate::set;
                case "training.duration" -> vm.duration::set;
                default -> null;
            };
        }
    }
}
