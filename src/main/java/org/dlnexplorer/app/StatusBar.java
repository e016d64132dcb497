package org.dlnexplorer.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.dlnexplorer.chart.Fmt;
import org.dlnexplorer.model.observe.Regime;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;

import java.util.Locale;

/**
 * The status bar: regime, conserved δ, the theory line, the running computation's progress (or the last
 * one's time), Cancel, how runs ended early (diverged, stopped by a budget), and the message slot (coloured by
 * the message's {@link Severity}). FX thread.
 */
final class StatusBar {
    /** |δ| below this shows as 0 (round-off of a balanced start) */
    private static final double ZERO_DELTA = 1e-12;
    /**
     * a computation shows its progress (and may be cancelled by the button) once it has run this long: the
     * short runs of a drag go from one result to the next without the line flickering
     */
    static final long PROGRESS_AFTER_NANOS = 300_000_000L;

    private final ViewModel vm;
    private final Label regime = new Label(), delta = new Label(), theory = new Label(), time = new Label(),
            diverged = new Label(), message = new Label();
    private final Button cancel = new Button("Cancel");
    private final HBox bar;
    /** what the time label says when nothing runs: the last computation's time, or where it was cancelled */
    private String resultLine = "";

    /** cancel stops the running computation (the button, and Esc in the window) */
    StatusBar(ViewModel vm, Runnable cancel) {
        this.vm = vm;
        regime.setId("status-regime");
        delta.setId("status-delta");
        theory.setId("status-theory");
        time.setId("status-time");
        diverged.setId("status-diverged");
        message.setId("status-error");
        diverged.getStyleClass().add("status-warning");
        message.getStyleClass().add(Severity.ERROR.styleClass());
        message.textProperty().bind(vm.error);
        // the same slot reports results of exports and saves: red only for errors
        vm.error.addListener(o -> styleMessage());
        vm.severity.addListener(o -> styleMessage());
        theory.setMaxWidth(520);
        // the whole line when it is cut (one tooltip, following the text: no new popup per run)
        Tooltip theoryTip = new Tooltip();
        theoryTip.textProperty().bind(theory.textProperty());
        theory.setTooltip(theoryTip);
        message.setMaxWidth(600);
        this.cancel.setId("cancel-button");
        this.cancel.setTooltip(new Tooltip("Stop the running computation, keeping its frames so far (Esc)"));
        this.cancel.setOnAction(e -> cancel.run());
        this.cancel.setDisable(true);
        this.cancel.setFocusTraversable(false);
        diverged.setWrapText(false);
        // Cancel and the progress first: on a narrow window they stay on screen, and the button does not move
        // while the progress line changes length
        this.cancel.setMinWidth(Region.USE_PREF_SIZE);
        time.setMinWidth(Region.USE_PREF_SIZE);
        bar = new HBox(18, this.cancel, time, regime, delta, theory, diverged, message);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
    }

    Node node() { return bar; }

    private void styleMessage() {
        for (Severity s : Severity.values()) message.getStyleClass().remove(s.styleClass());
        message.getStyleClass().add(vm.severity.get().styleClass());
    }

    /** A finished computation was taken: the time label says how long it took, or where it was cancelled. */
    void finished(SimulationService.Snapshot s) {
        resultLine = s.cancelled() ? RunSummary.cancelled(s.cancelledAt(), s.millis()) : "recomputed in " + s.millis() + " ms";
    }

    /**
     * Once per pulse: the running computation's progress and elapsed time (once it has run
     * {@link #PROGRESS_AFTER_NANOS}), else the last result; Cancel is enabled while progress shows.
     */
    void progress(RunProgress.Now p) {
        boolean running = p != null && p.elapsedNanos() >= PROGRESS_AFTER_NANOS;
        String text = running ? RunSummary.progress(p) : resultLine;
        if (!text.equals(time.getText())) time.setText(text);
        if (cancel.isDisable() == running) cancel.setDisable(!running);
    }

    /** Rewrite the lines about the shown run set. */
    void update() {
        RunSet rs = vm.runSet.get();
        Params p = vm.shownParams.get();
        if (rs == null || rs.runs().isEmpty() || rs.runs().get(0).trajectory().frames().isEmpty()) {
            regime.setText("regime: –");
            delta.setText("δ: –");
            theory.setText("theory: –");
            diverged.setText("");
            return;
        }
        Trajectory tr = rs.runs().get(0).trajectory();
        double d = RunSummary.conservedDelta(tr);
        double nominal = p == null ? vm.delta.get() : p.delta();
        String prefix = rs.runs().size() > 1 ? rs.runs().get(0).label() + ": " : "";
        regime.setText("regime: " + prefix + Regime.describe(tr, Double.isNaN(d) ? nominal : d));
        if (tr.isPiecewise()) {
            // every neuron's own δ_k = η_w a_k² − η_a ‖w_k‖² is conserved (no single λ-balanced δ): show its drift
            double drift = 0;
            for (var f : tr.frames()) drift = Math.max(drift, f.balanceDrift());
            delta.setText("per-neuron δ_k conserved: max drift " + Fmt.num(drift));
        } else {
            delta.setText(Double.isNaN(d) ? "conserved δ: n/a (not λ-balanced)" : "conserved δ = " + Fmt.num(clean(d)));
        }
        theory.setText(RunSummary.theoryLine(rs));
        diverged.setText(RunSummary.endings(rs));
    }

    private static double clean(double d) { return Math.abs(d) < ZERO_DELTA ? 0 : d; }
}
