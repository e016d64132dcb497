package org.dlnexplorer.chart;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The two-layer views' data: frames at the cursor, μ_k and the direction angle, the angle series' wrap. */
class StudentRunTest {
    private static StudentRun oneNeuron(double[] t, double[][] w, double[][] a) {
        return new StudentRun("s", 2, 1, t, w, a, new double[] {1, 0}, new double[] {1}, 0, null, null);
    }

    @Test
    void theFrameAtATimeIsTheLastOneNotAfterIt() {
        StudentRun s = oneNeuron(new double[] {0, 1, 2.5}, new double[][] {{1, 0}, {1, 0}, {1, 0}},
                new double[][] {{1}, {1}, {1}});
        assertEquals(2, s.frameAt(Double.NaN));
        assertEquals(0, s.frameAt(-1));
        assertEquals(0, s.frameAt(0.99));
        assertEquals(1, s.frameAt(1));
        assertEquals(1, s.frameAt(2.4));
        assertEquals(2, s.frameAt(7));
    }

    @Test
    void muIsTheSignedNormOfBetaAndTheAngleIsTheDirectionOfW() {
        StudentRun s = oneNeuron(new double[] {0}, new double[][] {{-3, 4}}, new double[][] {{-2}});
        // β = a w = (6, −8): ‖β‖ = 10, sgn(a) = −1
        assertEquals(-10, s.mu(0, 0), 1e-15);
        assertEquals(Math.atan2(4, -3), s.angle(0, 0), 1e-15);
    }

    @Test
    void theAngleLineBreaksWhereTheDirectionCrossesMinus180Degrees() {
        double[] t = {0, 1, 2, 3};
        double[][] w = new double[4][];
        double[] deg = {170, 179, -179, -170};
        for (int f = 0; f < 4; f++) w[f] = new double[] {Math.cos(Math.toRadians(deg[f])), Math.sin(Math.toRadians(deg[f]))};
        StudentRun s = oneNeuron(t, w, new double[][] {{1}, {1}, {1}, {1}});
        double[][] xy = NeuronDynamicsChart.angleSeries(s, 0);
        assertEquals(5, xy[0].length);
        assertTrue(Double.isNaN(xy[1][2]));
        assertEquals(179, xy[1][1], 1e-9);
        assertEquals(-179, xy[1][3], 1e-9);
    }

    @Test
    void fourPanelsTakeTheGridWithTheLargestSquares() {
        assertEquals(4, InputSpaceChart.columns(4, 1600, 300));
        assertEquals(2, InputSpaceChart.columns(4, 800, 800));
        assertEquals(1, InputSpaceChart.columns(4, 200, 900));
        assertEquals(1, InputSpaceChart.columns(1, 900, 500));
    }

    @Test
    void toyRunsKeepEachNeuronsBalanceNearItsStart() {
        // a check of the test data itself: δ_k = a_k² − ‖w_k‖² is conserved by gradient flow and nearly by small-step descent
        List<StudentRun> four = ToyStudents.fig1a(10, 5);
        for (StudentRun s : four)
            for (int k = 0; k < s.h(); k++) {
                double d0 = s.a()[0][k] * s.a()[0][k] - s.norm(0, k) * s.norm(0, k);
                int last = s.frames() - 1;
                double d1 = s.a()[last][k] * s.a()[last][k] - s.norm(last, k) * s.norm(last, k);
                assertEquals(d0, d1, 1e-2, s.label());
            }
    }
}
