package org.dlnexplorer.model.observe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** A frame is immutable: arrays are copied in and out, and a frame made from another shares nothing it can change. */
class FrameTest {
    private static Frame frame() {
        return new Frame(3, 40, 1.5, 0.25, new double[]{2, 1}, new double[][]{{2, 1}, {1.5}}, 0.1, 1e-12, 4.5,
                1.8, 2, new double[]{0.9, 0.8}, new double[]{1, 2, 3, 4}, new double[][]{{1, 2}, {3}});
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] sigma = {2, 1};
        double[][] weights = {{1, 2}, {3}};
        Frame f = new Frame(0, 0, 0, 1, sigma, new double[][]{{2}}, 0, 0, Double.NaN, 1, 1, null, new double[]{5}, weights);
        sigma[0] = -1;
        weights[0][0] = -1;
        assertEquals(2, f.singularValue(0), "copied in");
        assertEquals(1, f.weights()[0][0]);
        f.weights()[0][0] = 99;
        f.singularValues()[0] = 99;
        f.effectiveWeight()[0] = 99;
        f.layerSingularValues()[0][0] = 99;
        assertEquals(1, f.weights()[0][0], "copied out");
        assertEquals(2, f.singularValue(0));
        assertEquals(5, f.effectiveWeight()[0]);
        assertEquals(5, f.effectiveWeight(0), "one entry, read in place");
        assertEquals(2, f.layerSingularValues()[0][0]);
    }

    @Test
    void aFrameWithALayerChangeOrHessianHasTheSameValuesAndStaysApart() {
        Frame f = frame();
        Frame g = f.withLayerChange(0.75);
        Frame h = g.withHessian(new HessianSpectrum.Result(-0.5, 2, 1, new double[]{-0.5, 0.1}));
        for (Frame x : new Frame[]{g, h}) {
            assertArrayEquals(f.singularValues(), x.singularValues());
            assertArrayEquals(f.effectiveWeight(), x.effectiveWeight());
            assertArrayEquals(f.alignment(), x.alignment());
            for (int l = 0; l < 2; l++) {
                assertArrayEquals(f.weights()[l], x.weights()[l]);
                assertArrayEquals(f.layerSingularValues()[l], x.layerSingularValues()[l]);
            }
            assertEquals(f.t(), x.t());
            assertEquals(f.loss(), x.loss());
            assertEquals(f.sharpness(), x.sharpness());
            // what one hands out changes neither
            x.weights()[0][0] = 42;
            x.singularValues()[0] = 42;
            assertEquals(1, f.weights()[0][0]);
            assertEquals(1, x.weights()[0][0]);
            assertEquals(2, x.singularValue(0));
        }
        assertTrue(Double.isNaN(f.layerChange()));
        assertEquals(0.75, g.layerChange());
        assertEquals(0.75, h.layerChange(), "the Hessian frame keeps the layer change");
        assertFalse(g.hasHessian());
        assertTrue(h.hasHessian());
        assertEquals(-0.5, h.hessianMin());
    }
}
