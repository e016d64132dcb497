package org.dlnexplorer.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.HyperboloidChart;
import org.dlnexplorer.chart.ViewChart;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.observe.RunSet;

/**
 * One view panel (node id from SPEC §3): a chart painted on a canvas, redrawn at most once per pulse by
 * {@link #refresh}. The hyperboloid cell shows a 3D scene when the platform supports it, otherwise the
 * projected drawing (drag to rotate there too).
 */
public class ViewCell extends StackPane {
    protected final ViewId id;
    protected final ViewChart chart;
    protected final DrawableCanvas canvas;
    private RunSet shown;

    public ViewCell(ViewId id, ChartStyle style) {
        this.id = id;
        setId(id.nodeId());
        this.chart = ViewChart.create(id, style);
        this.canvas = new DrawableCanvas(chart.drawable());
        canvas.setManaged(false);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        getChildren().add(canvas);
        setMinSize(0, 0);
        setPrefSize(360, 300);
        setStyle("-fx-background-color: white;");
        setBorder(new Border(new BorderStroke(Color.gray(0.85), BorderStrokeStyle.SOLID, CornerRadii.EMPTY, new BorderWidths(1))));
        Tooltip.install(this, new Tooltip(id.title() + " — double-click to maximize / restore"));
        setFocusTraversable(false);
    }

    public ViewId viewId() { return id; }
    public ViewChart chart() { return chart; }
    public RunSet shown() { return shown; }

    /** Bring the view up to date: new data (full update) or only the cursor. */
    public void refresh(RunSet rs, double cursorT, boolean logTime) {
        chart.setLogTime(logTime);
        if (rs != shown) {
            shown = rs;
            chart.update(rs, cursorT);
        } else {
            chart.setCursor(cursorT);
        }
        canvas.repaint();
    }

    /** The hyperboloid: 3D SubScene when supported, else the projected 2D drawing. */
    public static final class Hyperboloid extends ViewCell {
        private final Hyperboloid3D scene3d;
        private final Label title = new Label("Hyperboloid (a, w₁, w₂)");
        private final Label note = new Label();
        private final Label message = new Label();
        private RunSet shown3d;
        private double dragX, dragY;

        public Hyperboloid(ChartStyle style, boolean threeD) {
            super(ViewId.HYPERBOLOID, style);
            HyperboloidChart hc = (HyperboloidChart) chart;
            if (threeD) {
                scene3d = new Hyperboloid3D();
                getChildren().remove(canvas);
                title.getStyleClass().add("view-title");
                note.getStyleClass().add("view-note");
                message.getStyleClass().add("view-message");
                StackPane.setAlignment(title, Pos.TOP_CENTER);
                StackPane.setAlignment(note, Pos.BOTTOM_CENTER);
                StackPane.setMargin(title, new Insets(6, 0, 0, 0));
                StackPane.setMargin(note, new Insets(0, 0, 6, 0));
                title.setMouseTransparent(true);
                note.setWrapText(true);
                message.setWrapText(true);
                message.setMaxWidth(Double.MAX_VALUE);
                message.setAlignment(Pos.CENTER);
                message.setPadding(new Insets(12));
                Tooltip.install(scene3d, new Tooltip("drag to rotate, scroll to zoom; double-click to maximize"));
                note.setMouseTransparent(true);
                getChildren().addAll(scene3d, title, note, message);
            } else {
                scene3d = null;
                canvas.setOnMousePressed(e -> { dragX = e.getX(); dragY = e.getY(); });
                canvas.setOnMouseDragged(e -> {
                    hc.setView(hc.azimuth() + (e.getX() - dragX) * 0.01, hc.elevation() + (e.getY() - dragY) * 0.01);
                    dragX = e.getX();
                    dragY = e.getY();
                    canvas.repaint();
                });
            }
        }

        public boolean isThreeD() { return scene3d != null; }

        public Hyperboloid3D scene3d() { return scene3d; }

        @Override
        public void refresh(RunSet rs, double cursorT, boolean logTime) {
            if (scene3d == null) { super.refresh(rs, cursorT, logTime); return; }
            if (rs != shown3d) {
                shown3d = rs;
                chart.update(rs, cursorT);   // kept current for export
                boolean ok = scene3d.show(rs, cursorT);
                scene3d.setVisible(ok);
                message.setVisible(!ok);
                message.setText(rs == null ? "computing…" : "needs one hidden neuron: widths [d, 1, 1]");
                note.setText(ok ? noteFor(rs) : "");
            } else {
                scene3d.moveCursor(cursorT);
            }
        }

        private static String noteFor(RunSet rs) {
            for (RunSet.Labeled l : rs.runs())
                if (org.dlnexplorer.chart.SingleNeuron.applies(l.trajectory())) {
                    double d = org.dlnexplorer.chart.SingleNeuron.delta(l.trajectory());
                    boolean exact = l.trajectory().exact() != null && l.trajectory().exact().available();
                    return org.dlnexplorer.chart.SingleNeuron.surfaceKind(d) + ", δ = " + org.dlnexplorer.chart.Fmt.num(d)
                            + " · black: minima a·w = β* · thick: simulated" + (exact ? " · thin dark: exact" : " · no exact path");
                }
            return "";
        }
    }
}
