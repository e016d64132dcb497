package org.dlnexplorer.app;

import javafx.geometry.Point3D;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.Cylinder;
import javafx.scene.shape.DrawMode;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.Sphere;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;
import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.SingleNeuron;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.DepthTest;

/**
 * The hyperboloid in 3D: (a, w₁, w₂) with a vertical, the conserved-δ surface as a translucent mesh with
 * a wireframe, the minima hyperbola a·w = β*, simulated (thick) and exact (thin, darker) paths, a cursor
 * ball, labelled axes. Drag to rotate, scroll to zoom. FX thread only; rebuilt once per data change.
 */
public final class Hyperboloid3D extends Pane {
    /** the data cube [−E, E]³ is drawn as [−HALF, HALF]³ scene units */
    private static final double HALF = 100;
    private static final int SURFACE_U = 14, SURFACE_V = 36, SPARSE_U = 8, SPARSE_V = 24;
    /** the paths' tube radii in scene units (the cube is ±HALF): thick enough to read on a projector */
    private static final double PATH_RADIUS = 4.5, EXACT_RADIUS = 2.0;
    /** the basins' translucent tints (towards a &gt; 0 and a &lt; 0) and the separating surface */
    private static final Color BASIN_PLUS = Color.rgb(86, 150, 220, 0.45), BASIN_MINUS = Color.rgb(230, 150, 110, 0.45),
            SEPARATRIX = Color.rgb(155, 34, 38);
    private static final int MAX_SEGMENTS = 150;
    /** the camera's distance: the cube with its axis labels (±1.22·HALF) fills the view's height at 30° */
    private static final double CAMERA_DISTANCE = 520;

    private final Group world = new Group();
    private final Group content = new Group();
    private final Rotate rotX = new Rotate(-20, Rotate.X_AXIS);
    private final Rotate rotY = new Rotate(-35, Rotate.Y_AXIS);
    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final SubScene sub;
    private final List<Sphere> cursors = new ArrayList<>();
    private final List<double[][]> paths = new ArrayList<>();
    private final List<double[]> times = new ArrayList<>();
    private double scale = 1;
    private double dragX, dragY;

    public Hyperboloid3D() {
        world.getTransforms().addAll(rotX, rotY);
        world.getChildren().add(content);
        AmbientLight ambient = new AmbientLight(Color.gray(0.65));
        PointLight light = new PointLight(Color.gray(0.5));
        light.getTransforms().add(new Translate(-300, -400, -500));
        Group root = new Group(world, ambient, light);
        camera.setNearClip(0.1);
        camera.setFarClip(10_000);
        camera.setFieldOfView(30);
        camera.setTranslateZ(-CAMERA_DISTANCE);
        sub = new SubScene(root, 100, 100, true, SceneAntialiasing.BALANCED);
        sub.setFill(Color.WHITE);
        sub.setCamera(camera);
        sub.setManaged(false);
        sub.widthProperty().bind(widthProperty());
        sub.heightProperty().bind(heightProperty());
        getChildren().add(sub);
        setMinSize(0, 0);
        setOnMousePressed(e -> { dragX = e.getSceneX(); dragY = e.getSceneY(); });
        setOnMouseDragged(e -> {
            rotY.setAngle(rotY.getAngle() - (e.getSceneX() - dragX) * 0.5);
            rotX.setAngle(Math.max(-89, Math.min(89, rotX.getAngle() + (e.getSceneY() - dragY) * 0.5)));
            dragX = e.getSceneX();
            dragY = e.getSceneY();
        });
        setOnScroll(e -> camera.setTranslateZ(Math.max(-3000, Math.min(-150, camera.getTranslateZ() + e.getDeltaY()))));
    }

    public Rotate rotationX() { return rotX; }
    public Rotate rotationY() { return rotY; }
    public PerspectiveCamera camera() { return camera; }

    /** data (a, w₁, w₂) → scene (x = w₁, y = −a, z = w₂) */
    private Point3D toScene(double[] p) {
        return new Point3D(p[1] * scale, -p[0] * scale, p[2] * scale);
    }

    /** one legend entry of the scene: a line sample (colour, width in px, dashed) and its text */
    public record Key(String label, Color color, double width, boolean dashed) {}

    private final List<Key> keys = new ArrayList<>();
    private String note = "";

    /** the legend of the scene last shown (drawn by the cell below the scene) */
    public List<Key> keys() { return List.copyOf(keys); }

    /** the surface(s) of the scene last shown, a few words for the title ("δ = -2 (one sheet)") */
    public String note() { return note; }

    /** Rebuild for the single-neuron runs of the set (returns false when none applies). */
    public boolean show(RunSet rs, double cursorT) {
        content.getChildren().clear();
        cursors.clear();
        paths.clear();
        times.clear();
        keys.clear();
        List<RunSet.Labeled> neurons = new ArrayList<>();
        if (rs != null) for (RunSet.Labeled l : rs.runs()) if (SingleNeuron.applies(l.trajectory())) neurons.add(l);
        if (neurons.isEmpty()) return false;
        Trajectory first = neurons.get(0).trajectory();
        SingleNeuron.Paths scenePaths = SingleNeuron.Paths.of(neurons);
        double[] betaStar = scenePaths.betaStar(), rates = SingleNeuron.rates(first);
        List<double[][]> sims = scenePaths.simulated(), exacts = scenePaths.exact();
        boolean compare = neurons.size() > 1;
        // each distinct δ has its own surface (a compare set over δ: one per run, in the run's colour)
        List<Double> deltas = new ArrayList<>();
        List<Color> surfaceColors = new ArrayList<>();
        for (int r = 0; r < neurons.size(); r++) {
            double d = SingleNeuron.delta(neurons.get(r).trajectory());
            if (deltas.stream().noneMatch(x -> Math.abs(x - d) <= 1e-9 * Math.max(1, Math.abs(d)))) {
                deltas.add(d);
                surfaceColors.add(fx(ChartStyle.color(compare ? r : 0)));
            }
        }
        boolean shared = deltas.size() == 1;
        List<double[][]> all = new ArrayList<>(sims);
        for (double[][] e : exacts) if (e != null) all.add(e);
        double extent = SingleNeuron.frameExtent(all, betaStar, deltas, rates);
        scale = HALF / extent;
        // the translucent fill is drawn first without depth test (a tint that never hides the paths),
        // then the opaque wireframe and everything else with depth test; one δ: the fill tinted by basin
        List<Node> wires = new ArrayList<>();
        for (int k = 0; k < deltas.size(); k++) {
            double delta = deltas.get(k);
            int u = shared ? SURFACE_U : SPARSE_U, v = shared ? SURFACE_V : SPARSE_V;
            for (double[][][] sheet : SingleNeuron.surface(delta, rates, extent, u, v)) {
                if (shared) {
                    for (int side = -1; side <= 1; side += 2) {
                        MeshView fill = new MeshView(mesh(sheet, extent, betaStar, delta, rates, side));
                        fill.setCullFace(CullFace.NONE);
                        fill.setMaterial(material(side > 0 ? BASIN_PLUS : BASIN_MINUS));
                        fill.setDepthTest(DepthTest.DISABLE);
                        content.getChildren().add(fill);
                    }
                }
                MeshView wire = new MeshView(mesh(sheet, extent, betaStar, delta, rates, 0));
                wire.setDrawMode(DrawMode.LINE);
                wire.setCullFace(CullFace.NONE);
                wire.setMaterial(material(shared ? Color.gray(0.78) : surfaceColors.get(k).deriveColor(0, 1, 1, 0.35)));
                wires.add(wire);
            }
            // App. A's basin-separating surface on this hyperboloid (δ ≤ 0)
            for (double[][] c : SingleNeuron.separatrix(betaStar, delta, rates, extent, 81))
                addPolyline(c, shared ? 1.5 : 0.8, material(shared ? SEPARATRIX : surfaceColors.get(k).darker()), Double.POSITIVE_INFINITY);
        }
        content.getChildren().addAll(wires);
        // axes with labels
        String[] names = betaStar != null && betaStar.length == 2 ? new String[]{"a", "w₁", "w₂"} : new String[]{"a", "w·β̂*", "‖w⊥‖"};
        for (int k = 0; k < 3; k++) {
            double[] lo = new double[3], hi = new double[3];
            lo[k] = -extent * 1.1;
            hi[k] = extent * 1.1;
            content.getChildren().add(segment(toScene(lo), toScene(hi), 0.6, material(Color.gray(0.15))));
            double[] at = new double[3];
            at[k] = extent * 1.22;
            Point3D p = toScene(at);
            Text t = new Text(names[k]);
            t.setFont(Font.font("SansSerif", FontWeight.BOLD, 26));
            t.setFill(Color.gray(0.1));
            t.setTranslateX(p.getX() - 6);
            t.setTranslateY(p.getY() + 6);
            t.setTranslateZ(p.getZ());
            content.getChildren().add(t);
        }
        // minima a·w = β*
        PhongMaterial black = material(Color.gray(0.1));
        for (double[][] c : SingleNeuron.minima(betaStar, extent)) addPolyline(c, 1.4, black, extent);
        boolean anyExact = false;
        for (int r = 0; r < neurons.size(); r++) {
            Color c = fx(ChartStyle.color(compare ? r : 0));
            if (exacts.get(r) != null) {
                addPolyline(exacts.get(r), EXACT_RADIUS, material(c.darker().darker()), Double.POSITIVE_INFINITY);
                anyExact = true;
            }
            addPolyline(sims.get(r), PATH_RADIUS, material(c), Double.POSITIVE_INFINITY);
            Sphere start = new Sphere(PATH_RADIUS * 1.3);
            Point3D p0 = toScene(sims.get(r)[0]);
            start.setTranslateX(p0.getX()); start.setTranslateY(p0.getY()); start.setTranslateZ(p0.getZ());
            start.setMaterial(material(Color.WHITE));
            Sphere cur = new Sphere(PATH_RADIUS * 1.7);
            cur.setMaterial(material(c));
            content.getChildren().addAll(start, cur);
            cursors.add(cur);
            paths.add(sims.get(r));
            times.add(neurons.get(r).trajectory().times());
            keys.add(new Key(compare ? neurons.get(r).label() : "simulated path", c, 5, false));
        }
        if (anyExact) keys.add(new Key("exact (thin, dark)", Color.gray(0.15), 2, true));
        keys.add(new Key("minima a·w = β*", Color.gray(0.1), 2, false));
        if (shared) {
            keys.add(new Key("basin of a > 0", Color.color(BASIN_PLUS.getRed(), BASIN_PLUS.getGreen(), BASIN_PLUS.getBlue()), 6, false));
            keys.add(new Key("basin of a < 0", Color.color(BASIN_MINUS.getRed(), BASIN_MINUS.getGreen(), BASIN_MINUS.getBlue()), 6, false));
        }
        if (deltas.stream().anyMatch(d -> d <= 1e-12)) keys.add(new Key("separating surface", shared ? SEPARATRIX : Color.gray(0.4), 3, false));
        double d0 = deltas.get(0);
        note = shared ? "δ = " + org.dlnexplorer.chart.Fmt.num(d0) + " (" + (d0 > 1e-12 ? "two sheets" : d0 < -1e-12 ? "one sheet" : "cone") + ")"
                : "one surface per δ";
        moveCursor(cursorT);
        return true;
    }

    private static Color fx(java.awt.Color awt) {
        return Color.rgb(awt.getRed(), awt.getGreen(), awt.getBlue());
    }

    /** Move the cursor balls to the frames nearest t. */
    public void moveCursor(double t) {
        for (int r = 0; r < cursors.size(); r++) {
            double[] ts = times.get(r);
            int best = ts.length - 1;
            if (Double.isFinite(t)) {
                best = 0;
                for (int i = 1; i < ts.length; i++) if (Math.abs(ts[i] - t) < Math.abs(ts[best] - t)) best = i;
            }
            Point3D p = toScene(paths.get(r)[best]);
            Sphere s = cursors.get(r);
            s.setTranslateX(p.getX()); s.setTranslateY(p.getY()); s.setTranslateZ(p.getZ());
        }
    }

    private static PhongMaterial material(Color c) {
        PhongMaterial m = new PhongMaterial(c);
        m.setSpecularColor(Color.gray(0.2, c.getOpacity()));
        return m;
    }

    /** the sheet as triangles; side ±1 keeps the quads whose centre lies in that basin, 0 keeps every quad */
    private TriangleMesh mesh(double[][][] g, double extent, double[] betaStar, double delta, double[] rates, int side) {
        TriangleMesh m = new TriangleMesh();
        int nu = g.length, nv = g[0].length;
        for (double[][] row : g)
            for (double[] p : row) {
                double a = Math.max(-extent * 1.05, Math.min(extent * 1.05, p[0]));
                Point3D q = toScene(new double[]{a, p[1], p[2]});
                m.getPoints().addAll((float) q.getX(), (float) q.getY(), (float) q.getZ());
            }
        m.getTexCoords().addAll(0, 0);
        for (int i = 0; i < nu - 1; i++)
            for (int j = 0; j < nv - 1; j++) {
                if (side != 0 && betaStar != null) {
                    double[] c = new double[3];
                    for (int k = 0; k < 3; k++) c[k] = (g[i][j][k] + g[i + 1][j][k] + g[i][j + 1][k] + g[i + 1][j + 1][k]) / 4;
                    if (SingleNeuron.basinSide(c, betaStar, delta, rates) != side) continue;
                }
                int p00 = i * nv + j, p01 = i * nv + j + 1, p10 = (i + 1) * nv + j, p11 = (i + 1) * nv + j + 1;
                m.getFaces().addAll(p00, 0, p10, 0, p11, 0);
                m.getFaces().addAll(p00, 0, p11, 0, p01, 0);
            }
        return m;
    }

    /**
     * The polyline as tubes: one mesh per stretch of drawable points (finite, within limit), subsampled to
     * at most MAX_SEGMENTS segments, always ending at the last point.
     */
    private void addPolyline(double[][] pts, double radius, PhongMaterial mat, double limit) {
        int n = pts.length;
        int stride = Math.max(1, n / MAX_SEGMENTS);
        List<double[]> stretch = new ArrayList<>();
        for (int i = 0; i < n; i += stride) addPoint(stretch, pts[i], radius, mat, limit);
        if ((n - 1) % stride != 0) addPoint(stretch, pts[n - 1], radius, mat, limit);
        flush(stretch, radius, mat);
    }

    private void addPoint(List<double[]> stretch, double[] p, double radius, PhongMaterial mat, double limit) {
        boolean ok = Double.isFinite(p[0]) && Double.isFinite(p[1]) && Double.isFinite(p[2])
                && Math.abs(p[0]) <= limit && Math.abs(p[1]) <= limit && Math.abs(p[2]) <= limit;
        if (!ok) { flush(stretch, radius, mat); return; }
        Point3D q = toScene(p);
        stretch.add(new double[]{q.getX(), q.getY(), q.getZ()});
    }

    private void flush(List<double[]> stretch, double radius, PhongMaterial mat) {
        TubeMesh tube = TubeMesh.of(stretch, radius);
        stretch.clear();
        if (tube == null) return;
        TriangleMesh m = new TriangleMesh();
        m.getPoints().setAll(tube.points());
        m.getTexCoords().setAll(0, 0);
        m.getFaces().setAll(tube.faces());
        MeshView v = new MeshView(m);
        v.setCullFace(CullFace.NONE);
        v.setMaterial(mat);
        content.getChildren().add(v);
    }

    /** a cylinder from a to b */
    private static Node segment(Point3D a, Point3D b, double radius, PhongMaterial mat) {
        Point3D d = b.subtract(a);
        double len = d.magnitude();
        Cylinder c = new Cylinder(radius, Math.max(len, 1e-6), 6);
        c.setMaterial(mat);
        Point3D mid = a.midpoint(b);
        Point3D yAxis = new Point3D(0, 1, 0);
        Point3D axis = yAxis.crossProduct(d);
        double angle = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, d.normalize().dotProduct(yAxis)))));
        c.getTransforms().add(new Translate(mid.getX(), mid.getY(), mid.getZ()));
        if (axis.magnitude() > 1e-12) c.getTransforms().add(new Rotate(angle, axis));
        return c;
    }
}
