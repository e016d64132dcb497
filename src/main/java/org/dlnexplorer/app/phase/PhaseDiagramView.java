package org.dlnexplorer.app.phase;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
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
import org.dlnexplorer.preset.PresetGrid;
import org.dlnexplorer.preset.PresetIo;
import org.dlnexplorer.preset.PresetPaths;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.fx.FXGraphics2D;

import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.awt.Graphics2D;
import javafx.scene.canvas.GraphicsContext;
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
    private final Label hover = new Label(" ");
    private final ComboBox<Metric> metricBox = new ComboBox<>();
    private final FXGraphics2D g2;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicLong draws = new AtomicLong();
    /** a marker position outside any axis: PhaseDiagramChart then lists the marker in the legend but draws no ring */
    private static final double OFF_AXES = -1e300;
    private final AnimationTimer pump;

    private Axis xAxis = PresetGrid.DEFAULT_X;
    private Axis yAxis = PresetGrid.DEFAULT_Y;
    private final SweepSettings settings = SweepSettings.DEFAULT;
    /** default: all processors but one, which stays free for the interactive simulation */
    private int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
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
        host.getChildren().addAll(canvas, overlay);
        overlay.setMouseTransparent(true);
        overlay.widthProperty().bind(host.widthProperty());
        overlay.heightProperty().bind(host.heightProperty());
        host.setMinSize(240, 180);
        host.setPrefSize(900, 650);
        canvas.widthProperty().bind(host.widthProperty());
        canvas.heightProperty().bind(host.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> requestRedraw());
        canvas.heightProperty().addListener((o, a, b) -> requestRedraw());
        g2 = new FXGraphics2D(canvas.getGraphicsContext2D());

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
        HBox bar = new HBox(8, colour, metricBox, status);
        bar.setPadding(new Insets(4, 8, 4, 8));
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        colour.setMinWidth(Label.USE_PREF_SIZE);
        hover.setPadding(new Insets(4, 8, 4, 8));
        hover.setMaxWidth(Double.MAX_VALUE);
        hover.setWrapText(true);
        setTop(bar);
        setCenter(host);
        setBottom(hover);

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

    /** The swept axes (default τ = 0.01…10 log × δ = −4…4, 41 × 41); restarts the sweep. */
    public void setAxes(Axis x, Axis y) {
        this.xAxis = x;
        this.yAxis = y;
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

    /** cancels the running sweep (the view keeps what is finished) */
    public void cancel() {
        if (token != null) token.cancel();
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

    /** outlines cell c (null: none) on the overlay, black inside white so it shows on every colour */
    private void outline(int[] c) {
        if (c != null && (c[0] >= xAxis.n() || c[1] >= yAxis.n())) c = null; // the grid changed
        hovered = c;
        var gc = overlay.getGraphicsContext2D();
        gc.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        for (PhasePortraitChart.Panel p : panels) {
            drawMarker(gc, p);
            if (c != null) outline(gc, p, c);
        }
    }

    private void outline(GraphicsContext gc, PhasePortraitChart.Panel p, int[] c) {
        XYPlot plot = p.plot();
        Rectangle2D area = p.dataArea();
        double[] ex = xAxis.edges(), ey = yAxis.edges();
        double x0 = plot.getDomainAxis().valueToJava2D(ex[c[0]], area, plot.getDomainAxisEdge());
        double x1 = plot.getDomainAxis().valueToJava2D(ex[c[0] + 1], area, plot.getDomainAxisEdge());
        double y0 = plot.getRangeAxis().valueToJava2D(ey[c[1]], area, plot.getRangeAxisEdge());
        double y1 = plot.getRangeAxis().valueToJava2D(ey[c[1] + 1], area, plot.getRangeAxisEdge());
        double x = Math.min(x0, x1), y = Math.min(y0, y1), w = Math.abs(x1 - x0), h = Math.abs(y1 - y0);
        gc.setLineWidth(3);
        gc.setStroke(Color.WHITE);
        gc.strokeRect(x - 1, y - 1, w + 2, h + 2);
        gc.setLineWidth(1.5);
        gc.setStroke(Color.BLACK);
        gc.strokeRect(x - 1, y - 1, w + 2, h + 2);
    }

    /** The current configuration moved: redraw the overlay only (the map once it has been drawn). */
    private void moveMarker() {
        if (panels.isEmpty()) requestRedraw();
        else outline(hovered);
    }

    /** the current configuration's ring on the overlay: the same ring as PhaseDiagramChart draws for export */
    private void drawMarker(GraphicsContext gc, PhasePortraitChart.Panel p) {
        if (!style.hasMarker()) return;
        XYPlot plot = p.plot();
        Rectangle2D area = p.dataArea();
        var xa = plot.getDomainAxis();
        var ya = plot.getRangeAxis();
        if (!xa.getRange().contains(style.markerX()) || !ya.getRange().contains(style.markerY())) return;
        double px = xa.valueToJava2D(style.markerX(), area, plot.getDomainAxisEdge());
        double py = ya.valueToJava2D(style.markerY(), area, plot.getRangeAxisEdge());
        gc.setLineWidth(5);
        gc.setStroke(Color.BLACK);
        gc.strokeOval(px - 8, py - 8, 16, 16);
        gc.setLineWidth(2.5);
        gc.setStroke(Color.WHITE);
        gc.strokeOval(px - 8, py - 8, 16, 16);
        gc.setFill(Color.BLACK);
        gc.fillOval(px - 2.5, py - 2.5, 5, 5);
    }

    private void requestRedraw() {
        dirty.set(true);
        pump.start();
    }

    private void restart() {
        if (token != null) token.cancel();
        if (preset == null) return;
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
        SweepRunner runner = new SweepRunner(parallelism);
        Thread worker = new Thread(() -> {
            try {
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

    /** the preset with both swept fields neutralised: equal keys share one sweep */
    private String keyOf(Preset p) {
        try {
            Preset q = PresetPaths.with(PresetPaths.with(p, xAxis.field(), xAxis.value(0)), yAxis.field(), yAxis.value(0));
            return PresetIo.toJson(q) + "|" + xAxis + "|" + yAxis + "|" + settings;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * In a low panel the vertical axis label "relative scale δ  (init.delta)" would run past the plot and be
     * cut: then it drops the field path in brackets (the legend and the exports keep the full label).
     */
    static void shortenRangeLabel(JFreeChart chart, Graphics2D g2, double height) {
        org.jfree.chart.axis.ValueAxis axis = chart.getXYPlot().getRangeAxis();
        String label = axis.getLabel();
        int cut = label == null ? -1 : label.indexOf("  (");
        if (cut <= 0) return;
        if (!ChartStyle.fitsVertically(g2, axis.getLabelFont(), label, height)) axis.setLabel(label.substring(0, cut));
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
        if (portrait != null) {
            PhasePortraitChart pc = new PhasePortraitChart(snap, drawn.withMetric(portrait[0]), drawn, ChartStyle.screen());
            pc.draw(g2, new Rectangle2D.Double(0, 0, w, h));
            panels = pc.panels();
        } else {
            JFreeChart chart = PhaseDiagramChart.chart(snap, drawn, ChartStyle.screen());
            shortenRangeLabel(chart, g2, h);
            ChartRenderingInfo ri = new ChartRenderingInfo(null); // data area only (hover maps pixels itself), no entities
            chart.draw(g2, new Rectangle2D.Double(0, 0, w, h), ri);
            panels = List.of(new PhasePortraitChart.Panel((XYPlot) chart.getPlot(), ri.getPlotInfo().getDataArea()));
        }
        lastDrawCost = System.nanoTime() - t0;
        outline(hovered);
        draws.incrementAndGet();
        status.setText(PhaseCellText.progress(snap));
    }

    /** one line describing a cell: its coordinates and every available metric */
    String describe(int[] cell) {
        return cell == null || result == null ? " " : PhaseCellText.describe(result, cell[0], cell[1]);
    }
}
