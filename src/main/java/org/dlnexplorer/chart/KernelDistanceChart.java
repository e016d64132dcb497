package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.jfree.chart.axis.NumberAxis;

import java.util.ArrayList;
import java.util.List;

/** S(0,t) = 1 − ⟨K_0, K_t⟩_F / (‖K_0‖_F ‖K_t‖_F) in [0, 1]: lazy ≈ 0, rich ≫ 0. */
final class KernelDistanceChart extends XyViewChart {

    KernelDistanceChart(ChartStyle style) {
        super(ViewId.KERNEL_DISTANCE, style, "NTK kernel distance", SlideAxes.number("t (time units)"),
                SlideAxes.number("kernel distance S(0, t)"), true);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRange(false);
        y.setRange(0.0, 1.0);
    }

    @Override
    protected void fill(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
        boolean compare = isCompare(rs);
        List<Line> sim = new ArrayList<>();
        for (int r = 0; r < rs.runs().size(); r++) {
            RunSet.Labeled run = rs.runs().get(r);
            Trajectory tr = run.trajectory();
            List<Frame> fs = tr.frames();
            int n = fs.size();
            if (n == 0) continue;
            double[] s = new double[n];
            for (int i = 0; i < n; i++) s[i] = fs.get(i).kernelDistance();
            sim.add(new Line(run.label(), Decimator.xy(tr.times(), s, n, false, false),
                    ChartStyle.color(compare ? r : 0), style.solid()));
            legendLine(compare ? run.label() : "S(0,t) simulated", ChartStyle.color(compare ? r : 0), style.solid());
        }
        addRunLayer(sim, "S(0,t)");
        subtitle.setText(join("0 = lazy (kernel fixed), 1 = kernel rotated away", divergenceNote(rs)));
    }
}
