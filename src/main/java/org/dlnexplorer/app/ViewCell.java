package org.dlnexplorer.app;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.dlnexplorer.chart.HyperboloidChart;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.observe.RunSet;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.nio.IntBuffer;
import javafx.scene.shape.Line;

/**
 * One view panel (node id from SPEC §3) showing the image the {@link ChartRenderer} painted for it.
 * The FX thread only copies finished pixels. The hyperboloid cell shows a 3D scene when the platform
 * supports it, otherwise the projected drawing (drag to rotate there too).
 */
public class ViewCell extends StackPane {
    protected final ViewId id;
    private final ImageView imageView = new ImageView();
    private WritableImage image;
    /** the cell's own premultiplied pixels behind image (null: image is a converted copy) */
    private PixelBuffer<IntBuffer> pixels;
    private RunSet shown;
    private boolean draft;
    private Runnable onInvalidate = () -> { };
    /** the time cursor, drawn over the image so that moving it repaints no chart */
    private final Line cursor = new Line();
    private ChartRenderer.TimeAxis time;
    private double cursorT = Double.NaN;
    /** what the pointer reads on the picture (time charts), or null */
    private org.dlnexplorer.chart.ReadOut readOut;
    /** the values under the pointer */
    private final HoverReadOut hover;
    /** the cell's frame, above the picture */
    protected final CellFrame frame = new CellFrame(this);
    /** the cell's background until a picture covers it (an opaque picture the cell's size: drawn under it for nothing) */
    static final Background WHITE = new Background(new BackgroundFill(Color.WHITE, CornerRadii.EMPTY, javafx.geometry.Insets.EMPTY));

    public ViewCell(ViewId id) {
        this.id = id;
        setId(id.nodeId());
        imageView.setManaged(false);
        imageView.setPreserveRatio(false);
        imageView.setSmooth(true);
        imageView.fitWidthProperty().bind(widthProperty());
        imageView.fitHeightProperty().bind(heightProperty());
        cursor.setManaged(false);
        cursor.setStroke(Color.rgb(85, 85, 85, 0.9));
        cursor.setStrokeWidth(1.5);
        cursor.setMouseTransparent(true);
        cursor.setVisible(false);
        cursor.setId(id.cliName() + "-cursor");
        getChildren().addAll(imageView, cursor);
        frame.addTo(this);
        setMinSize(0, 0);
        setPrefSize(360, 300);
        setBackground(WHITE);
        Tooltip.install(this, new Tooltip(id.title() + " — double-click to maximize / restore"));
        setAccessibleText(id.title());
        setAccessibleHelp("double-click to maximize or restore this view");
        widthProperty().addListener(o -> onInvalidate.run());
        heightProperty().addListener(o -> onInvalidate.run());
        sceneProperty().addListener(o -> onInvalidate.run());
        hover = new HoverReadOut(this);
    }

    public ViewId viewId() { return id; }

    /** the run set of the image on screen */
    public RunSet shown() { return shown; }

    /** called when the cell needs a new image (resize, rotation) */
    void setOnInvalidate(Runnable r) { onInvalidate = r; }

    protected void invalidate() { onInvalidate.run(); }

    /** true when the cell is on screen and drawn by the renderer */
    public boolean isRendered() { return getScene() != null && getParent() != null && isVisible() && getWidth() >= 2 && getHeight() >= 2; }

    /** what the renderer should paint for this cell */
    public ChartRenderer.ViewState state() {
        if (!isRendered()) return new ChartRenderer.ViewState(0, 0, 0, 0);
        return new ChartRenderer.ViewState((int) Math.round(getWidth()), (int) Math.round(getHeight()), 0, 0);
    }

    /**
     * Show a finished image with its time axis for the cursor overlay. The renderer's premultiplied-ARGB
     * pixels are copied as they are (one array copy, no conversion) into the cell's own {@link PixelBuffer},
     * which is kept while the cell's size stays: the scene keeps one image and one texture per cell and
     * the render thread refreshes that texture in place. (A new image per frame would leave a dead texture
     * per frame that Prism's software pipeline pools until it holds hundreds of megabytes, and the garbage
     * collector's pauses then grow to 100 ms and more.)
     */
    public void setImage(BufferedImage b, RunSet runs, ChartRenderer.TimeAxis axis) {
        setImage(b, runs, axis, null);
    }

    /**
     * A picture from the renderer: its pixels, or (unchanged) none: the picture on screen stays and now
     * shows the painted run set; whether it is a draft.
     */
    void show(ChartRenderer.Painted p) {
        draft = p.draft();
        if (p.unchanged()) {
            shown = p.runs();
            return;
        }
        setImage(p.image(), p.runs(), p.time(), p.readOut());
    }

    /** true when the picture on screen is a draft (painted while a control was dragged) */
    public boolean isDraft() { return draft; }

    /** The same with what the pointer reads on it (a time chart's lines and its text inside the plot). */
    public void setImage(BufferedImage b, RunSet runs, ChartRenderer.TimeAxis axis, org.dlnexplorer.chart.ReadOut read) {
        int[] src = packedPixels(b);
        if (src == null) {
            pixels = null;
            image = SwingFXUtils.toFXImage(b, null);
        } else {
            int w = b.getWidth(), h = b.getHeight();
            if (pixels == null || pixels.getWidth() != w || pixels.getHeight() != h) {
                pixels = new PixelBuffer<>(w, h, IntBuffer.allocate(w * h), PixelFormat.getIntArgbPreInstance());
                image = new WritableImage(pixels);
            }
            pixels.updateBuffer(pb -> {
                System.arraycopy(src, 0, pb.getBuffer().array(), 0, src.length);
                return null;   // all of it changed
            });
        }
        if (imageView.getImage() != image) imageView.setImage(image);
        // the picture covers the cell (its size, fitted to it, opaque): no background under it
        if (imageView.getParent() == this) setBackground(image == null ? WHITE : null);
        shown = runs;
        time = axis;
        readOut = read;
        placeCursor(cursorT);
        hover.refresh();
    }

    ChartRenderer.TimeAxis timeAxis() { return time; }
    org.dlnexplorer.chart.ReadOut readOut() { return readOut; }
    double imageWidth() { return image == null ? 0 : image.getWidth(); }
    double imageHeight() { return image == null ? 0 : image.getHeight(); }
    /** the read-out under the pointer */
    HoverReadOut hover() { return hover; }

    /** the image on screen (for tests) */
    WritableImage image() { return image; }

    /** the pixels of b when it is a plain packed IntArgbPre image (one int per pixel, no offset), else null */
    static int[] packedPixels(BufferedImage b) {
        if (b.getType() != BufferedImage.TYPE_INT_ARGB_PRE
                || !(b.getRaster().getDataBuffer() instanceof DataBufferInt db)
                || !(b.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel sm)
                || sm.getScanlineStride() != b.getWidth() || db.getNumBanks() != 1 || db.getOffset() != 0
                || b.getRaster().getSampleModelTranslateX() != 0 || b.getRaster().getSampleModelTranslateY() != 0)
            return null;
        int[] pixels = db.getData();
        return pixels.length == b.getWidth() * b.getHeight() ? pixels : null;
    }

    /** Move the cursor overlay to time t (NaN hides it). */
    public void placeCursor(double t) {
        cursorT = t;
        if (time == null || image == null || !Double.isFinite(t)) { cursor.setVisible(false); return; }
        double x = time.x(t);
        if (Double.isNaN(x)) { cursor.setVisible(false); return; }
        double sx = getWidth() / image.getWidth(), sy = getHeight() / image.getHeight();
        double px = Math.round(x * sx) + 0.5;
        cursor.setStartX(px);
        cursor.setEndX(px);
        cursor.setStartY(time.y0() * sy);
        cursor.setEndY(time.y1() * sy);
        cursor.setVisible(true);
    }

    /** the cursor overlay's x position in the cell, or NaN when hidden (for tests) */
    public double cursorX() { return cursor.isVisible() ? cursor.getStartX() : Double.NaN; }

    /** Per-pulse hook for cells drawn on the FX thread (the 3D scene). */
    public void pulse(RunSet rs, double cursorT, boolean complete, long now) {}

    /** The hyperboloid: 3D SubScene when supported, else the projected 2D image (drag rotates it). */
    public static final class Hyperboloid extends ViewCell {
        /** rebuild the 3D scene at most this often while a run streams */
        static final long STREAM_REBUILD_NANOS = 150_000_000L;
        private final Hyperboloid3D scene3d;
        private static final String TITLE = "Hyperboloid (a, w₁, w₂)";
        private final Label title = new Label(TITLE);
        private final Label message = new Label();
        private final javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane();
        private RunSet shown3d;
        private long lastBuild;
        private double cursorShown = Double.NaN;
        private double azimuth = HyperboloidChart.DEFAULT_AZIMUTH, elevation = HyperboloidChart.DEFAULT_ELEVATION;
        private double dragX, dragY;

        public Hyperboloid(boolean threeD) {
            super(ViewId.HYPERBOLOID);
            if (threeD) {
                scene3d = new Hyperboloid3D();
                getChildren().clear();
                title.getStyleClass().add("view-title");
                message.getStyleClass().add("view-message");
                title.setMouseTransparent(true);
                message.setWrapText(true);
                message.setMaxWidth(Double.MAX_VALUE);
                message.setAlignment(Pos.CENTER);
                message.setPadding(new Insets(12));
                // title (with the surface) above, the scene in the middle, the legend below it (the legend wraps
                // into as many rows as the cell's width needs: never cut, also in presentation mode)
                legend.setAlignment(Pos.CENTER);
                legend.setHgap(14);
                legend.setVgap(2);
                legend.setPadding(new Insets(0, 8, 6, 8));
                legend.prefWrapLengthProperty().bind(widthProperty().subtract(16));
                legend.setMouseTransparent(true);
                javafx.scene.layout.BorderPane layout = new javafx.scene.layout.BorderPane(scene3d, title, null, legend, null);
                javafx.scene.layout.BorderPane.setAlignment(legend, Pos.CENTER);
                javafx.scene.layout.BorderPane.setAlignment(title, Pos.CENTER);
                javafx.scene.layout.BorderPane.setMargin(title, new Insets(6, 0, 0, 0));
                layout.setMinSize(0, 0);
                Tooltip.install(scene3d, new Tooltip("drag to rotate, scroll to zoom; double-click to maximize"));
                getChildren().addAll(layout, message);
                frame.addTo(this);
            } else {
                scene3d = null;
                setOnMousePressed(e -> { dragX = e.getX(); dragY = e.getY(); });
                setOnMouseDragged(e -> {
                    azimuth += (e.getX() - dragX) * 0.01;
                    elevation = Math.max(-Math.PI / 2, Math.min(Math.PI / 2, elevation + (e.getY() - dragY) * 0.01));
                    dragX = e.getX();
                    dragY = e.getY();
                    invalidate();
                });
            }
        }

        public boolean isThreeD() { return scene3d != null; }

        public Hyperboloid3D scene3d() { return scene3d; }

        @Override
        public ChartRenderer.ViewState state() {
            if (scene3d != null) return new ChartRenderer.ViewState(0, 0, 0, 0);
            ChartRenderer.ViewState s = super.state();
            return new ChartRenderer.ViewState(s.width(), s.height(), azimuth, elevation);
        }

        @Override
        public RunSet shown() { return scene3d != null ? shown3d : super.shown(); }

        @Override
        public void pulse(RunSet rs, double cursorT, boolean complete, long now) {
            if (scene3d == null) return;
            if (rs != shown3d) {
                if (!complete && now - lastBuild < STREAM_REBUILD_NANOS) return;
                lastBuild = now;
                shown3d = rs;
                boolean ok = scene3d.show(rs, cursorT);
                cursorShown = cursorT;
                scene3d.setVisible(ok);
                message.setVisible(!ok);
                String why = ViewId.HYPERBOLOID.whyNot(rs);   // the one applicability rule of the views
                message.setText(rs == null ? "computing…" : why != null ? why : "");
                // the surface in the title line: one row less above the legend, more room for the scene
                title.setText(ok ? "Hyperboloid, " + scene3d.note() : TITLE);
                legend.getChildren().clear();
                if (ok) for (Hyperboloid3D.Key k : scene3d.keys()) legend.getChildren().add(key(k));
            } else if (Double.compare(cursorT, cursorShown) != 0) {
                cursorShown = cursorT;
                scene3d.moveCursor(cursorT);
            }
        }

        /** one legend entry: a line sample and its text */
        private static javafx.scene.Node key(Hyperboloid3D.Key k) {
            Line sample = new Line(0, 0, 26, 0);
            sample.setStroke(k.color());
            sample.setStrokeWidth(k.width());
            if (k.dashed()) sample.getStrokeDashArray().addAll(6.0, 4.0);
            Label text = new Label(k.label(), sample);
            text.getStyleClass().add("view-note");
            text.setGraphicTextGap(6);
            return text;
        }
    }
}
