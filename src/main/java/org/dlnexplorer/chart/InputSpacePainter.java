package org.dlnexplorer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * One student's input space (d = 2) in a square: the activation regions shaded by the parity of their active
 * neurons (Prop. 17), each student neuron's boundary line w_k·x = 0 (colour: sign of a_k; opacity: its share
 * max|μ| of the function, μ_k = a_k‖w_k‖), the teacher's boundary lines dashed, and the training inputs.
 */
final class InputSpacePainter {
    static final Color EVEN = Color.WHITE;
    static final Color ODD = new Color(0xD3DCE6);
    static final Color POSITIVE = ChartStyle.OKABE_ITO[0];
    static final Color NEGATIVE = ChartStyle.OKABE_ITO[1];
    static final Color TEACHER = new Color(0x202020);
    /** the faintest a neuron line is drawn (a neuron that carries nothing of f) */
    static final double MIN_ALPHA = 0.2;
    /** the shown square reaches this factor beyond the farthest input */
    static final double MARGIN = 1.2;
    /** arc steps of a wedge's outer edge (radians) */
    private static final double ARC_STEP = Math.toRadians(5);

    private InputSpacePainter() {}

    /** half the side of the shown square: MARGIN × the farthest training input (1.2 for inputs on the circle) */
    static double extent(StudentRun run) {
        double r = 0;
        for (int i = 0; i < run.samples(); i++)
            r = Math.max(r, Math.hypot(run.x()[2 * i], run.x()[2 * i + 1]));
        return MARGIN * (r > 0 ? r : 1);
    }

    static void paint(Graphics2D g, Rectangle2D sq, StudentRun run, int frame, ChartStyle style) {
        double ext = extent(run);
        double scale = sq.getWidth() / (2 * ext), cx = sq.getCenterX(), cy = sq.getCenterY();
        Shape oldClip = g.getClip();
        Stroke oldStroke = g.getStroke();
        g.clip(sq);
        ActivationPartition p = new ActivationPartition(run.w()[frame], run.h());
        double far = 2 * ext * scale;
        for (ActivationPartition.Wedge wg : p.wedges()) {
            Path2D.Double poly = new Path2D.Double();
            poly.moveTo(cx, cy);
            int steps = Math.max(1, (int) Math.ceil((wg.to() - wg.from()) / ARC_STEP));
            for (int s = 0; s <= steps; s++) {
                double phi = wg.from() + (wg.to() - wg.from()) * s / steps;
                poly.lineTo(cx + far * Math.cos(phi), cy - far * Math.sin(phi));
            }
            poly.closePath();
            g.setPaint(wg.odd() ? ODD : EVEN);
            g.fill(poly);
        }
        // the unit circle, where the teacher task's inputs live
        g.setPaint(ChartStyle.GRID);
        g.setStroke(style.thin());
        g.draw(new Ellipse2D.Double(cx - scale, cy - scale, 2 * scale, 2 * scale));
        // student boundaries, faint for neurons that carry little of the function
        double muMax = 0;
        for (int k = 0; k < run.h(); k++) muMax = Math.max(muMax, Math.abs(run.mu(frame, k)));
        g.setStroke(new BasicStroke(Math.max(1f, style.lineWidth() * 0.5f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        for (int k = 0; k < run.h(); k++) {
            double nrm = run.norm(frame, k);
            if (nrm == 0) continue;
            double share = muMax > 0 ? Math.abs(run.mu(frame, k)) / muMax : 1;
            Color c = run.a()[frame][k] >= 0 ? POSITIVE : NEGATIVE;
            g.setPaint(withAlpha(c, MIN_ALPHA + (1 - MIN_ALPHA) * share));
            g.draw(boundary(run.w()[frame][2 * k], run.w()[frame][2 * k + 1], cx, cy, far));
        }
        if (run.k() > 0) {
            float lw = Math.max(1.2f, style.lineWidth() * 0.6f);
            g.setStroke(new BasicStroke(lw, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {5 * lw, 3 * lw}, 0f));
            g.setPaint(TEACHER);
            for (int j = 0; j < run.k(); j++)
                g.draw(boundary(run.teacherW()[2 * j], run.teacherW()[2 * j + 1], cx, cy, far));
        }
        double r = Math.max(2.5, style.lineWidth() * 1.1);
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < run.samples(); i++) {
            double px = cx + run.x()[2 * i] * scale, py = cy - run.x()[2 * i + 1] * scale;
            Ellipse2D dot = new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r);
            g.setPaint(TEACHER);
            g.fill(dot);
            g.setPaint(Color.WHITE);
            g.draw(dot);
        }
        g.setClip(oldClip);
        g.setPaint(ChartStyle.MUTED);
        g.setStroke(new BasicStroke(1f));
        g.draw(sq);
        g.setStroke(oldStroke);
    }

    /** the line w·x = 0 through the centre, long enough to cross the square */
    private static Line2D boundary(double w1, double w2, double cx, double cy, double far) {
        double n = Math.hypot(w1, w2);
        double ux = -w2 / n, uy = w1 / n;   // along the line: perpendicular to w
        return new Line2D.Double(cx - far * ux, cy + far * uy, cx + far * ux, cy - far * uy);
    }

    static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * Math.max(0, Math.min(1, alpha))));
    }
}
