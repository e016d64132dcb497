package org.dlnexplorer.preset;

import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Rest;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.theory.OverlayInput;
import org.dlnexplorer.model.theory.OverlayResult;
import org.dlnexplorer.model.theory.Overlays;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The saddle-to-saddle preset rests on every plateau its loss view labels, and at each rest the Hessian's
 * negative eigenvalues are the saddle's own, −s_α (α &gt; r) (n₁ − r) times each, plus small ones that a point
 * near, not at, the saddle adds (docs/THEORY.md, "Hessian index at the saddles").
 */
class SaddleToSaddlePresetTest {
    /** the loss stays within 1 % of each level for at least this long (time units) */
    private static final double MIN_REST = 1.0;
    /** an eigenvalue within this fraction of −s_α counts as −s_α */
    private static final double SAME_EIGENVALUE = 0.01;
    /** the eigenvalues a frame near the saddle adds are smaller than this */
    private static final double SMALL = 0.05;

    @Test
    void restsOnEveryLabelledPlateauWithTheSaddlesIndex() throws Exception {
        Trajectory t = PresetRunner.runSet(BundledPresets.read("saddle-to-saddle.json"), "saddle-to-saddle.json")
                .runs().get(0).trajectory();
        OverlayResult plateaus = Overlays.evaluate(Overlays.SADDLE_PLATEAUS, OverlayInput.of(t));
        double[] levels = plateaus.array("levels");
        double[] s = {4, 2, 1, 0.5};
        int hidden = t.widths()[1];
        assertEquals(4, levels.length);
        List<Frame> fs = t.frames();
        for (int r = 0; r < levels.length; r++) {
            Rest rest = Rest.on(fs, levels[r], Rest.TOLERANCE);
            assertNotNull(rest, "rests on ℒ_" + r + " = " + levels[r]);
            assertTrue(rest.duration(fs) >= MIN_REST, "rests on ℒ_" + r + " for " + rest.duration(fs));
            Frame f = fs.get(rest.stillest(fs));
            double[] ev = f.hessianBottom();
            int own = 0;
            for (double v : ev) {
                if (v >= 0) continue;
                boolean saddles = false;
                for (int a = r; a < s.length; a++) saddles |= Math.abs(v / -s[a] - 1) <= SAME_EIGENVALUE;
                if (saddles) own++;
                else assertTrue(-v < SMALL, "r = " + r + ": eigenvalue " + v + " is neither −s_α nor small");
            }
            assertEquals((hidden - r) * (s.length - r), own, "r = " + r + ": the saddle's own negative eigenvalues");
            assertTrue(f.hessianIndex() >= own, "r = " + r + ": the frame's index counts the saddle's own");
            assertEquals(-s[r], f.hessianMin(), SAME_EIGENVALUE * s[r], "escape eigenvalue at r = " + r);
        }
    }

}
