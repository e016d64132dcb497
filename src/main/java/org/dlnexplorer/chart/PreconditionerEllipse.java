package org.dlnexplorer.chart;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.theory.FunctionSpacePreconditioner;
import org.dlnexplorer.model.theory.WideNetwork;
import org.ejml.data.DMatrixRMaj;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The action of M on the plane of β when d·c = 2 (two inputs and one output, or the reverse): the image
 * {M u : ‖u‖ = 1} of the unit circle at the cursor's time (the last frame without a cursor), each run's ellipse scaled
 * by its largest eigenvalue so that the shapes compare: a circle is M ∝ I (lazy), a needle a rank-one M (rich).
 * Part of the {@link PreconditionerChart}.
 */
final class PreconditionerEllipse extends XyViewChart {
    /** points on the drawn ellipse */
    static final int POINTS = 121;

    PreconditionerEllipse(ChartStyle style) {
        super(ViewId.PRECONDITIONER, style, "", SlideAxes.number("β₁"), SlideAxes.number("β₂"), false);
        chart.setTitle((String) null);
        plot.getDomainAxis().setRange(-1.15, 1.15);
        plot.getRangeAxis().setRange(-1.15, 1.15);
    }

    /** the run's M is 2 × 2 */
    static boolean planar(Trajectory tr) {
        if (!PreconditionerChart.usable(tr)) return false;
        Network net = tr.setup().network();
        return net.inputDim() * net.outputDim() == 2;
    }

    @Override
    protected void fill(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) return;
        boolean compare = isCompare(rs);
        List<Line> lines = new ArrayList<>();
        double shownT = Double.NaN;
        for (int r = 0; r < rs.runs().size(); r++) {
            Trajectory tr = rs.runs().get(r).trajectory();
            if (!planar(tr)) continue;
            Frame f = at(tr, cursorT);
            shownT = f.t();
            Network net = tr.setup().network();
            DMatrixRMaj m = FunctionSpacePreconditioner.of(net, f.theta());
            double top = WideNetwork.eigenvalues(m)[0];
            if (!(top > 0)) continue;
            double[][] xy = new double[2][POINTS];
            for (int i = 0; i < POINTS; i++) {
                double a = 2 * Math.PI * i / (POINTS - 1), ux = Math.cos(a), uy = Math.sin(a);
                // M u / λ_max
                xy[0][i] = (m.get(0, 0) * ux + m.get(0, 1) * uy) / top;
                xy[1][i] = (m.get(1, 0) * ux + m.get(1, 1) * uy) / top;
            }
            Color c = ChartStyle.color(compare ? r : 0);
            lines.add(new Line(rs.runs().get(r).label() + " M", xy, c, style.solid()));
        }
        if (lines.isEmpty()) return;
        double[][] circle = new double[2][POINTS];
        for (int i = 0; i < POINTS; i++) {
            double a = 2 * Math.PI * i / (POINTS - 1);
            circle[0][i] = Math.cos(a);
            circle[1][i] = Math.sin(a);
        }
        lines.add(new Line("unit circle", circle, ChartStyle.MUTED, style.dotted()));
        addLayer(lines);
        subtitle.setText("M u/λₘₐₓ at t = " + Fmt.num(shownT));
    }

    /** the frame nearest t (the last one when t is not a number) */
    static Frame at(Trajectory tr, double t) {
        List<Frame> fs = tr.frames();
        if (!Double.isFinite(t)) return fs.get(fs.size() - 1);
        Frame best = fs.get(0);
        for (Frame f : fs) if (Math.abs(f.t() - t) < Math.abs(best.t() - t)) best = f;
        return best;
    }
}
