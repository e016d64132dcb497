package org.dlnexplorer.chart;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The input-space view's regions: parity colouring against a direct count of active neurons. */
class ActivationPartitionTest {
    private static double[] randomW(Random rnd, int h) {
        double[] w = new double[2 * h];
        for (int i = 0; i < w.length; i++) w[i] = rnd.nextGaussian();
        return w;
    }

    @Test
    void theWedgeAtEverySamplePointHasTheDirectCountOfActiveNeurons() {
        Random rnd = new Random(3);
        for (int h : new int[] {1, 2, 7, 50}) {
            double[] w = randomW(rnd, h);
            ActivationPartition p = new ActivationPartition(w, h);
            for (int s = 0; s < 2000; s++) {
                double x1 = rnd.nextGaussian() * 3, x2 = rnd.nextGaussian() * 3;
                int direct = 0;
                for (int k = 0; k < h; k++) if (w[2 * k] * x1 + w[2 * k + 1] * x2 > 0) direct++;
                ActivationPartition.Wedge wg = p.wedgeAt(x1, x2);
                assertEquals(direct, wg.active(), "h = " + h + " at (" + x1 + ", " + x2 + ")");
                assertEquals((direct & 1) == 1, wg.odd());
            }
        }
    }

    @Test
    void neighbouringRegionsDifferInColourWhenNoTwoNeuronsShareALine() {
        // Prop. 17: without redundant neurons one boundary changes one neuron, so the parity flips
        Random rnd = new Random(5);
        double[] w = randomW(rnd, 20);
        List<ActivationPartition.Wedge> ws = new ActivationPartition(w, 20).wedges();
        assertEquals(40, ws.size());
        for (int i = 0; i < ws.size(); i++) {
            ActivationPartition.Wedge a = ws.get(i), b = ws.get((i + 1) % ws.size());
            assertNotEquals(a.odd(), b.odd(), "wedges " + i + " and " + (i + 1));
            assertEquals(1, Math.abs(a.active() - b.active()));
        }
    }

    @Test
    void mirroredPairsSwitchTogetherAndLeaveTheParityEven() {
        // the symmetrized start (w_{k+h/2} = w_k): every boundary switches two neurons, one colour everywhere
        double[] half = randomW(new Random(8), 5);
        double[] w = new double[20];
        System.arraycopy(half, 0, w, 0, 10);
        System.arraycopy(half, 0, w, 10, 10);
        for (ActivationPartition.Wedge wg : new ActivationPartition(w, 10).wedges()) assertFalse(wg.odd());
    }

    @Test
    void wedgesTileTheCircleAndEachSpansAtMostHalfATurn() {
        for (int h : new int[] {1, 3, 50}) {
            List<ActivationPartition.Wedge> ws = new ActivationPartition(randomW(new Random(h), h), h).wedges();
            double total = 0;
            for (int i = 0; i < ws.size(); i++) {
                ActivationPartition.Wedge wg = ws.get(i);
                assertTrue(wg.to() > wg.from());
                assertTrue(wg.to() - wg.from() <= Math.PI + 1e-12);
                if (i > 0) assertEquals(ws.get(i - 1).to(), wg.from(), 0.0);
                total += wg.to() - wg.from();
            }
            assertEquals(2 * Math.PI, total, 1e-12);
        }
    }

    @Test
    void aNetworkWithNoBoundaryIsOneInactiveRegion() {
        ActivationPartition p = new ActivationPartition(new double[4], 2);
        assertEquals(0, p.wedgeAt(1, 1).active());
        assertEquals(0, p.activeAt(-0.3, 2));
    }
}
