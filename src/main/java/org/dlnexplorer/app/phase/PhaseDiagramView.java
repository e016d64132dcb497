package org.dlnexplorer.app.phase;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.PhaseDiagramChart;
import org.dlnexplorer.chart.PhaseDiagramStyle;
import org.dlnexplorer.chart.PhasePortraitChart;
import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.sweep.Axis;
import org.dlnexplorer.model.sweep.Metric;
import org.dlnexplorer.model.sweep.SweepResult;
import org.dlnexplorer.model.sweep.SweepRunner;
import org.dlnexplorer.model.sweep.SweepSettings;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PhaseAxes;
import org.dlnexplorer.preset.PresetGrid;
import org.dlnexplorer.preset.PresetIo;
import org.dlnexplorer.preset.PresetPaths;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.scene.paint.Color;

/**
 * The regime phase diagram as a self-contained JavaFX node (SPEC §2 view 7). {@link #setPreset} starts a
 * sweep of the preset over the two axes (default τ log × δ linear, 41 × 41) on background threads — never
 * on the FX thread — and cancels the previous one; finished cells are drawn progressively, with redraws
 * coalesced to at most one per pulse (and at most every {@link #MIN_REDRAW_NANOS}). The drawing is
 * {@link PhaseDiagramChart} on a Canvas (so the view and the export look the same). Hovering shows the
 * cell's values below the map; clicking a cell hands the preset of that cell to {@link #setOnCellSelected}.
 * A preset that differs only in the two swept fields just moves the marker (no new sweep).
 *
 * <p>Child node ids: {@code #phase-diagram-canvas}, {@code #phase-diagram-metric}, {@code #phase-diagram-status},
 * {@code #phase-diagram-hover}.
 */
public final class PhaseDiagramView extends BorderPane {
    /** while cells stream in, redraw at most this often (the whole chart is redrawn each time) */
    public static final long MIN_REDRAW_NANOS = 80_000_000L;
    /** …and keep the FX thread's share of drawing below 1/DRAW_DUTY_FACTOR while cells stream */
    static final int DRAW_DUTY_FACTOR = 5;
    /** …but never wait longer than this between progressive redraws (the first draw is slow: cold JIT, fonts) */
    static final long MAX_REDRAW_WAIT_NANOS = 500_000_000L;

    private final Pane host = new Pane();
    private final Canvas canvas = new Canvas();
    /** the hovered cell's outline, drawn over the map without redrawing it */
    private final Canvas overlay = new Canvas();
    private final Label status = new Label("no preset");
    /** why this preset has no map (shown instead of it), or hidden */
    private final Label whyNot = new Label();
    /** Cancel while an expensive sweep runs; Compute after a cancel */
    private final Button stop = new Button("Cancel");
    private final Label hover = new Label(" ");
    private final ComboBox<Metric> metricBox = new ComboBox<>();
    private final MapPicture picture = new MapPicture();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicLong draws = new AtomicLong();
    /** a marker position outside any axis: PhaseDiagramChart then lists the marker in the legend but draws no ring */
    private static final double OFF_AXES = -1e300;
    private final AnimationTimer pump;
    /** a sweep expected to take longer than this (s) shows its estimate with a Cancel button */
    public static final double ESTIMATE_NOTICE_SECONDS = 3;
    /** the last sweep was cancelled by the user (not by a new preset) */
    private boolean userCancelled;

    private Axis xAxis = PresetGrid.DEFAULT_X;
    private Axis yAxis = PresetGrid.DEFAULT_Y;
    /** the axes were set by {@link #setAxes}: they stay; else each preset gets its own ({@link PhaseAxes}) */
    private boolean fixedAxes;
    /** what the preset's axes note (an axis held at the preset's value, and why) */
    private String axisNotes = "";
    /** seconds the running sweep is expected to take, from its first (probe) cell; NaN before */
    private volatile double estimateSeconds = Double.NaN;
    private final SweepSettings settings = SweepSettings.DEFAULT;
    /** default: all processors but one, which stays free for the interactive simulation */
    private int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    private org.dlnexplorer.model.sweep.Foreground foreground = org.dlnexplorer.model.sweep.Foreground.NONE;
    private Consumer<Preset> onCellSelected = p -> { };

    private Preset preset;
    private String sweepKey;
    private PresetGrid grid;
    private SweepResult result;
    private CancellationToken token;
    private PhaseDiagramStyle style = PhaseDiagramStyle.defaults();
    private long lastDraw;
    private long lastDrawCost;
    /** the maps of the last drawing (one; two in portrait mode), for pointer → cell */
    private List<PhasePortraitChart.Panel> panels = List.of();
    /** the portrait's two metrics (Fig. 1b: left, right), or null for one map */
    private Metric[] portrait;
    private int[] hovered;

    public PhaseDiagramView() {
        canvas.setId("phase-diagram-canvas");
        status.setId("phase-diagram-status");
        hover.setId("phase-diagram-hover");
        metricBox.setId("phase-diagram-metric");
        whyNot.setId("phase-diagram-why-not");
        whyNot.setWrapText(true);
        whyNot.getStyleClass().add("view-message");
        whyNot.setPadding(new Insets(16));
        whyNot.setVisible(false);
        whyNot.setMouseTransparent(true);
        whyNot.prefWidthProperty().bind(host.widthProperty());
        whyNot.prefHeightProperty().bind(host.heightProperty());
        whyNot.setStyle("-fx-background-color: white; -fx-alignment: center;");
        host.getChildren().addAll(canvas, overlay, whyNot);
        overlay.setMouseTransparent(true);
        overlay.widthProperty().bind(host.widthProperty());
        overlay.heightProperty().bind(host.heightProperty());
        host.setMinSize(240, 180);
        host.setPrefSize(900, 650);
        canvas.widthProperty().bind(host.widthProperty());
        canvas.heightProperty().bind(host.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> requestRedraw());
        canvas.heightProperty().addListener((o, a, b) -> requestRedraw());

        metricBox.getItems().addAll(linearMetrics());
        metricBox.setValue(Metric.KERNEL_DISTANCE);
        metricBox.setConverter(new StringConverter<>() {
            @Override public String toString(Metric m) { return m == null ? "" : m.label(); }
            @Override public Metric fromString(String s) { return null; }
        });
        metricBox.valueProperty().addListener((o, a, m) -> {
            if (m != null) setMetric(m);
        });
        Label colour = new Label("Colour by");
        stop.setId("phase-diagram-cancel");
        stop.setVisible(false);
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setMinWidth(Button.USE_PREF_SIZE);
        stop.setOnAction(e -> {
            if (isRunning()) cancel();
            else restart();
        });
        HBox bar = new HBox(8, colour, metricBox, stop);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        colour.setMinWidth(Label.USE_PREF_SIZE);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        hover.setMaxWidth(Double.MAX_VALUE);
        hover.setWrapText(true);
        VBox lines = new VBox(2, status, hover);
        lines.setPadding(new Insets(4, 8, 4, 8));
        setTop(bar);
        setCenter(host);
        setBottom(lines);

        canvas.setOnMouseMoved(e -> {
            int[] c = cellAt(e.getX(), e.getY());
            hover.setText(describe(c));
            outline(c);
        });
        canvas.setOnMouseExited(e -> {
            hover.setText(" ");
            outline(null);
        });
        canvas.setOnMouseClicked(e -> {
            canvas.requestFocus();
            int[] c = cellAt(e.getX(), e.getY());
            if (c != null) select(c[0], c[1]);
        });
        // keyboard: arrows move the outlined cell, Enter or Space loads it
        canvas.setFocusTraversable(true);
        canvas.setOnKeyPressed(e -> {
            int[] c = hovered == null ? new int[] {xAxis.n() / 2, yAxis.n() / 2} : hovered.clone();
            switch (e.getCode()) {
                case LEFT -> c[0] = Math.max(0, c[0] - 1);
                case RIGHT -> c[0] = Math.min(xAxis.n() - 1, c[0] + 1);
                case UP -> c[1] = Math.min(yAxis.n() - 1, c[1] + 1);
                case DOWN -> c[1] = Math.max(0, c[1] - 1);
                case ENTER, SPACE -> {
                    if (hovered != null) select(hovered[0], hovered[1]);
                    e.consume();
                    return;
                }
                default -> { return; }
            }
            e.consume();
            outline(c);
            hover.setText(describe(c));
        });

        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                SweepResult r = result;
                boolean done = r == null || r.finished();
                long wait = Math.max(MIN_REDRAW_NANOS, Math.min(MAX_REDRAW_WAIT_NANOS, DRAW_DUTY_FACTOR * lastDrawCost));
                if (dirty.get() && now - lastDraw >= wait) {
                    dirty.set(false);
                    lastDraw = now;
                    redraw();
                }
                if (done && !dirty.get()) stop();
            }
        };
    }

    // ------------------------------------------------------------------------------------------- public API

    /** Called with the preset of a clicked cell (on the FX thread). */
    public void setOnCellSelected(Consumer<Preset> callback) {
        this.onCellSelected = callback == null ? p -> { } : callback;
    }

    /**
     * The swept axes, for every preset from now on (without this call each preset gets its own: τ = 0.01…10
     * log × δ = −4…4, 41 × 41, widened to hold its configuration, see {@link PhaseAxes}); restarts the sweep.
     */
    public void setAxes(Axis x, Axis y) {
        this.xAxis = x;
        this.yAxis = y;
        this.fixedAxes = true;
        this.axisNotes = "";
        restart();
    }

    /**
     * The axes and the mode for the next preset, without starting a sweep (setPreset starts one when they
     * changed): one map (portraitLeft null) or the portrait, left by portraitLeft, right by the colour box.
     */
    public void configure(Axis x, Axis y, Metric portraitLeft) {
        xAxis = x;
        yAxis = y;
        Metric left = portraitLeft();
        if (portraitLeft != left) {
            portrait = portraitLeft == null ? null : new Metric[] {portraitLeft, style.metric()};
            // the colour box offers what the family records: the portrait's right map, or the linear metrics
            metricBox.getItems().setAll(portraitLeft == null ? linearMetrics() : PhasePortraitChart.RIGHT_OPTIONS);
            metricBox.setValue(portraitLeft == null ? Metric.KERNEL_DISTANCE : PhasePortraitChart.RIGHT);
            requestRedraw();
        }
    }

    /** the metrics a deep linear network's sweep records */
    private static List<Metric> linearMetrics() {
        List<Metric> out = new java.util.ArrayList<>(List.of(Metric.values()));
        out.removeAll(org.dlnexplorer.model.sweep.SweepCsv.PIECEWISE);
        return out;
    }

    /** worker threads for the sweep (default: all processors but one) */
    public void setParallelism(int n) {
        this.parallelism = Math.max(1, n);
    }

    /** the interactive work the sweep's workers give way to (no new cell while it is busy) */
    public void setForeground(org.dlnexplorer.model.sweep.Foreground foreground) {
        this.foreground = foreground == null ? org.dlnexplorer.model.sweep.Foreground.NONE : foreground;
    }

    /**
     * Two maps side by side (Kunin et al. Fig. 1b): left by leftMetric, right by the colour box's metric
     * (rightMetric at first); cells not fitted by t_end are marked in both. Null restores the single map.
     */
    public void setPortrait(Metric leftMetric, Metric rightMetric) {
        portrait = leftMetric == null ? null : new Metric[] {leftMetric, rightMetric};
        if (rightMetric != null) setMetric(rightMetric);
        requestRedraw();
    }

    /** the portrait's left metric, or null for one map */
    public Metric portraitLeft() { return portrait == null ? null : portrait[0]; }

    public void setMetric(Metric m) {
        style = style.withMetric(m);
        if (metricBox.getValue() != m) metricBox.setValue(m);
        requestRedraw();
    }

    /**
     * Shows the phase diagram of this preset. A preset equal to the current one except for the two swept
     * fields only moves the marker; anything else cancels the running sweep and starts a new one.
     */
    public void setPreset(Preset p) {
        if (p == null) return;
        if (!fixedAxes) {
            PhaseAxes axes = PhaseAxes.of(p, p.name == null ? "preset" : p.name);
            if (!axes.sweepable()) {
                this.preset = PresetIo.copy(p);
                noMap(axes.whyNot());
                return;
            }
            axisNotes = String.join("; ", axes.notes());
            if (!axes.x().equals(xAxis) || !axes.y().equals(yAxis)) {
                xAxis = axes.x();
                yAxis = axes.y();
                sweepKey = null;   // other axes: a new sweep
            }
        }
        String key = keyOf(p);
        this.preset = PresetIo.copy(p);
        if (key != null && key.equals(sweepKey) && result != null) {
            double[] here = grid.current(preset);
            style = style.withMarker(here[0], here[1]);
            moveMarker();
            return;
        }
        restart();
    }

    /** the sweep being shown (null before the first preset); safe to read on the FX thread */
    public SweepResult result() { return result; }

    /** the style of the current drawing (metric, contours, marker) — for exporting the same picture */
    public PhaseDiagramStyle style() { return style; }

    /** true while a sweep is computing */
    public boolean isRunning() { return result != null && !result.finished(); }

    /** how many times the map has been drawn (for tests of coalescing) */
    public long drawCount() { return draws.get(); }

    /** cancels the running sweep (the view keeps what is finished; its button then offers to compute again) */
    public void cancel() {
        if (token != null) token.cancel();
        userCancelled = true;
        requestRedraw();
    }

    /** the canvas coordinates of the centre of cell (ix, iy) in the last drawing, or null before one */
    public Point2D cellCentre(int ix, int iy) {
        if (panels.isEmpty()) return null;
        XYPlot plot = panels.get(0).plot();
        Rectangle2D area = panels.get(0).dataArea();
        double px = plot.getDomainAxis().valueToJava2D(xAxis.value(ix), area, plot.getDomainAxisEdge());
        double py = plot.getRangeAxis().valueToJava2D(yAxis.value(iy), area, plot.getRangeAxisEdge());
        return new Point2D(px, py);
    }

    /** {ix, iy} of the cell under canvas point (px, py), or null outside the map */
    public int[] cellAt(double px, double py) {
        for (PhasePortraitChart.Panel p : panels) {
            Rectangle2D area = p.dataArea();
            if (!area.contains(px, py)) continue;
            XYPlot plot = p.plot();
            double x = plot.getDomainAxis().java2DToValue(px, area, plot.getDomainAxisEdge());
            double y = plot.getRangeAxis().java2DToValue(py, area, plot.getRangeAxisEdge());
            int ix = xAxis.indexOf(x), iy = yAxis.indexOf(y);
            return ix < 0 || iy < 0 ? null : new int[] {ix, iy};
        }
        return null;
    }

    /** Selects cell (ix, iy) as a click does: moves the marker and hands its preset to the callback. */
    public void select(int ix, int iy) {
        if (grid == null) return;
        double x = xAxis.value(ix), y = yAxis.value(iy);
        Preset cell;
        try {
            cell = PresetGrid.presetAt(preset, xAxis.field(), x, yAxis.field(), y);
        } catch (IllegalArgumentException e) {
            hover.setText(e.getMessage());
            return;
        }
        preset = PresetIo.copy(cell);
        style = style.withMarker(x, y);
        moveMarker();
        onCellSelected.accept(cell);
    }

    /** stops the sweep and the redraw timer (call when the view is discarded) */
    public void dispose() {
        cancel();
        pump.stop();
    }

    // ------------------------------------------------------------------------------------------- internals

    /** outlines cell c (null: none) on the overlay, with the current configuration's ring */
    private void outline(int[] c) {
        if (c != null && (c[0] >= xAxis.n() || c[1] >= yAxis.n())) c = null; // the grid changed
        hovered = c;
        var gc = overlay.getGraphicsContext2D();
        gc.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        for (PhasePortraitChart.Panel p : panels) {
            MapOverlay.ring(gc, p.plot(), p.dataArea(), style);
            if (c != null) MapOverlay.cell(gc, p.plot(), p.dataArea(), xAxis, yAxis, c[0], c[1]);
        }
    }

    /** The current configuration moved: redraw the overlay only (the map once it has been drawn). */
    private void moveMarker() {
        if (panels.isEmpty()) requestRedraw();
        else outline(hovered);
    }

    private void requestRedraw() {
        dirty.set(true);
        pump.start();
    }

    /** This preset has no map: cancel any sweep and say why instead of drawing. */
    private void noMap(String why) {
        if (token != null) token.cancel();
        grid = null;
        result = null;
        sweepKey = null;
        panels = List.of();
        hovered = null;
        whyNot.setText("No phase diagram: " + why + ".");
        whyNot.setVisible(true);
        stop.setVisible(false);
        status.setText("no map for this preset");
        hover.setText(" ");
        requestRedraw();
    }

    private void restart() {
        if (token != null) token.cancel();
        if (preset == null) return;
        whyNot.setVisible(false);
        userCancelled = false;
        estimateSeconds = Double.NaN;
        stop.setText("Cancel");
        stop.setVisible(false);
        try {
            grid = new PresetGrid(preset, preset.name, xAxis, yAxis, settings);
        } catch (IllegalArgumentException e) {
            grid = null;
            result = null;
            sweepKey = null;
            status.setText("cannot sweep: " + e.getMessage());
            redraw();
            return;
        }
        sweepKey = keyOf(preset);
        double[] here = grid.current();
        style = style.withMarker(here[0], here[1]).withSubtitle(preset.name);
        SweepResult r = new SweepResult(grid.title(), xAxis, yAxis);
        CancellationToken t = new CancellationToken();
        result = r;
        token = t;
        PresetGrid g = grid;
        SweepRunner runner = new SweepRunner(parallelism, foreground);
        int threads = parallelism;
        double hx = here[0], hy = here[1];
        Thread worker = new Thread(() -> {
            try {
                // the estimate: one run of the current configuration at the map's settings, times the cells
                long t0 = System.nanoTime();
                if (Double.isFinite(hx) && Double.isFinite(hy)) SweepRunner.runCell(0, 0, hx, hy, g, t);
                double each = (System.nanoTime() - t0) / 1e9;
                estimateSeconds = each * r.size() / Math.max(1, Math.min(threads, r.size()));
                dirty.set(true);
                runner.run(r, g, c -> dirty.set(true), t);
            } finally {
                dirty.set(true);
            }
        }, "dln-phase-diagram");
        worker.setDaemon(true);
        dirty.set(true);
        worker.start();
        pump.start();
    }

    /** the preset with both swept fields neutralised and without its compare set (the map ignores it): equal keys share one sweep */
    private String keyOf(Preset p) {
        try {
            Preset q = PresetPaths.with(PresetPaths.with(p, xAxis.field(), xAxis.value(0)), yAxis.field(), yAxis.value(0));
            q.compare = null;
            return PresetIo.toJson(q) + "|" + xAxis + "|" + yAxis + "|" + settings;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void redraw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        var gc = canvas.getGraphicsContext2D();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, w, h);
        SweepResult r = result;
        if (r == null || w < 50 || h < 50) {
            panels = List.of();
            return;
        }
        long t0 = System.nanoTime();
        SweepResult snap = r.snapshot();
        // the map is drawn with the marker off the axes (its legend entry stays, its ring is not drawn):
        // the overlay draws the ring, so that moving the marker redraws no map
        PhaseDiagramStyle drawn = style.hasMarker() ? style.withMarker(OFF_AXES, OFF_AXES) : style;
        double scale = canvas.getScene() == null || canvas.getScene().getWindow() == null ? 1.0
                : Math.max(1.0, canvas.getScene().getWindow().getOutputScaleX());
        gc.drawImage(picture.paint(w, h, scale, g2 -> {
            if (portrait != null) {
                PhasePortraitChart pc = new PhasePortraitChart(snap, drawn.withMetric(portrait[0]), drawn, ChartStyle.screen());
                pc.draw(g2, new Rectangle2D.Double(0, 0, w, h));
                panels = pc.panels();
            } else {
                JFreeChart chart = PhaseDiagramChart.chart(snap, drawn, ChartStyle.screen());
                MapOverlay.shortenRangeLabel(chart, org.dlnexplorer.model.sweep.AxisLabels.shortLabel(snap.y()), w, h);
                ChartRenderingInfo ri = new ChartRenderingInfo(null); // data area only (hover maps pixels itself), no entities
                chart.draw(g2, new Rectangle2D.Double(0, 0, w, h), ri);
                panels = List.of(new PhasePortraitChart.Panel((XYPlot) chart.getPlot(), ri.getPlotInfo().getDataArea()));
            }
        }), 0, 0, w, h);
        lastDrawCost = System.nanoTime() - t0;
        outline(hovered);
        draws.incrementAndGet();
        status.setText(progress(snap) + (axisNotes.isEmpty() ? "" : ".  " + axisNotes));
        // a sweep expected to take more than a few seconds shows its estimate with a Cancel; a cancelled one can resume
        boolean expensive = estimateSeconds > ESTIMATE_NOTICE_SECONDS;
        stop.setText(snap.finished() ? "Compute" : "Cancel");
        stop.setVisible(snap.finished() ? snap.cancelled() && userCancelled : expensive);
    }

    private String progress(SweepResult r) {
        int done = r.completed(), all = r.size();
        if (!r.finished()) {
            String s = String.format(Locale.ROOT, "computing: %d of %d cells", done, all);
            double est = estimateSeconds;
            if (!(est > 0)) return s;
            double left = done > 0 && r.elapsedSeconds() > 0 ? r.elapsedSeconds() * (all - done) / done : est;
            return s + " (" + CellText.duration(left) + " left"
                    + (done == 0 ? ", estimated from the current configuration's run" : "") + ")";
        }
        if (r.cancelled()) return String.format(Locale.ROOT, "cancelled after %d of %d cells", done, all);
        return String.format(Locale.ROOT, "%d cells in %.1f s (%.0f cells/s)", done, r.elapsedSeconds(), r.cellsPerSecond());
    }

    /** one line describing a cell: its coordinates and every available metric, or why it has none */
    String describe(int[] cell) {
        if (cell == null || result == null) return " ";
        return CellText.describe(xAxis, yAxis, cell[0], cell[1], result.get(cell[0], cell[1]));
    }
}
