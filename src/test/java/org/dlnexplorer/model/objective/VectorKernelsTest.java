package org.dlnexplorer.model.objective;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** VectorKernels vs the scalar Kernels vs a naive triple loop; the run-time choice and its fallback. */
class VectorKernelsTest {
    /** relative tolerance per term of the sum: FMA rounds once per term, the scalar loop twice */
    private static final double REL_TOL_PER_TERM = 1e-13;
    /** guard value around C: a kernel must not write outside its m×n block */
    private static final double SENTINEL = -12345.678;

    private enum Op { MULT, TRANS_A, TRANS_B }

    private interface Kernel {
        void run(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n);
    }

    private static Kernel scalar(Op op) {
        switch (op) {
            case MULT: return Kernels::multScalar;
            case TRANS_A: return Kernels::multTransAScalar;
            default: return Kernels::multTransBScalar;
        }
    }

    private static Kernel vector(Op op) {
        switch (op) {
            case MULT: return VectorKernels::mult;
            case TRANS_A: return VectorKernels::multTransA;
            default: return VectorKernels::multTransB;
        }
    }

    private static Kernel dispatched(Op op) {
        switch (op) {
            case MULT: return Kernels::mult;
            case TRANS_A: return Kernels::multTransA;
            default: return Kernels::multTransB;
        }
    }

    /** naive C = α op(A) op(B); also returns Σ|terms| per entry in scale for the tolerance */
    private static double[] naive(Op op, double alpha, double[] a, int aOff, double[] b, int bOff, int m, int k, int n,
                                  double[] scale) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0, abs = 0;
                for (int p = 0; p < k; p++) {
                    double x = op == Op.TRANS_A ? a[aOff + p * m + i] : a[aOff + i * k + p];
                    double y = op == Op.TRANS_B ? b[bOff + j * k + p] : b[bOff + p * n + j];
                    s += x * y;
                    abs += Math.abs(x * y);
                }
                c[i * n + j] = alpha * s;
                scale[i * n + j] = Math.abs(alpha) * abs;
            }
        }
        return c;
    }

    private static double[] random(Random rnd, int len) {
        double[] x = new double[len];
        for (int i = 0; i < len; i++) x[i] = rnd.nextGaussian();
        return x;
    }

    private static double[] runIn(Kernel kernel, double alpha, double[] a, int aOff, double[] b, int bOff,
                                  int cOff, int m, int k, int n) {
        double[] c = new double[cOff + m * n + 3];
        java.util.Arrays.fill(c, SENTINEL);
        kernel.run(alpha, a, aOff, b, bOff, c, cOff, m, k, n);
        for (int i = 0; i < cOff; i++) assertEquals(SENTINEL, c[i], "wrote before C");
        for (int i = cOff + m * n; i < c.length; i++) assertEquals(SENTINEL, c[i], "wrote after C");
        return java.util.Arrays.copyOfRange(c, cOff, cOff + m * n);
    }

    private static void assertClose(double[] expected, double[] actual, double[] scale, int k, String what) {
        for (int i = 0; i < expected.length; i++) {
            double tol = REL_TOL_PER_TERM * Math.max(k, 1) * Math.max(scale[i], Double.MIN_NORMAL);
            assertEquals(expected[i], actual[i], tol, what + " entry " + i);
        }
    }

    @Test
    void allThreeKernelsAgreeWithNaiveAtRandomSizesAndOffsets() {
        Random rnd = new Random(20261123);
        for (int trial = 0; trial < 300; trial++) {
            Op op = Op.values()[trial % 3];
            int m = 1 + rnd.nextInt(70), k = 1 + rnd.nextInt(70), n = 1 + rnd.nextInt(70);
            if (trial < 30) { m = 1 + trial % 9; k = 1 + (trial * 7) % 11; n = 1 + (trial * 5) % 13; }
            int aOff = rnd.nextInt(5), bOff = rnd.nextInt(5), cOff = rnd.nextInt(5);
            double alpha = trial % 2 == 0 ? -1.75 : 0.3;
            double[] a = random(rnd, aOff + m * k + 2), b = random(rnd, bOff + k * n + 2);
            double[] scale = new double[m * n];
            double[] ref = naive(op, alpha, a, aOff, b, bOff, m, k, n, scale);
            String what = op + " m=" + m + " k=" + k + " n=" + n;
            assertClose(ref, runIn(scalar(op), alpha, a, aOff, b, bOff, cOff, m, k, n), scale, k, "scalar " + what);
            assertClose(ref, runIn(vector(op), alpha, a, aOff, b, bOff, cOff, m, k, n), scale, k, "vector " + what);
            assertClose(ref, runIn(dispatched(op), alpha, a, aOff, b, bOff, cOff, m, k, n), scale, k, "dispatched " + what);
        }
    }

    /** Both the packed and the direct kernel, at the edges of each: panel tails of 0–7 columns, 1–5 rows, k = 1. */
    @Test
    void packedAndDirectKernelsAgreeAtTheEdgesOfTheirPanels() {
        Random rnd = new Random(48);
        int[][] shapes = {
                {4, 64, 64}, {5, 64, 63}, {3, 64, 5}, {7, 2, 64}, {64, 64, 12}, {1, 48, 1}, {2, 1, 48}, {6, 47, 47},
                {9, 48, 4}, {8, 100, 9}, {13, 47, 48}, {64, 64, 60}};
        for (int[] sh : shapes) {
            int m = sh[0], k = sh[1], n = sh[2];
            for (Op op : Op.values()) {
                double[] a = random(rnd, 3 + m * k), b = random(rnd, 2 + k * n);
                double[] scale = new double[m * n];
                double[] ref = naive(op, 0.5, a, 3, b, 2, m, k, n, scale);
                String what = op + " m=" + m + " k=" + k + " n=" + n + (VectorKernels.packs(k, n) ? " packed" : " direct");
                assertClose(ref, runIn(vector(op), 0.5, a, 3, b, 2, 1, m, k, n), scale, k, what);
            }
        }
        assertTrue(VectorKernels.packs(64, 64) && VectorKernels.packs(48, 3) && !VectorKernels.packs(16, 16),
                "64-wide products are packed, 16-wide are not");
    }

    @Test
    void transBWorkspaceIsReusedAcrossShrinkingAndGrowingSizes() {
        Random rnd = new Random(7);
        for (int n : new int[] {64, 9, 33, 70, 12}) {
            int m = n - 1, k = n + 1;
            double[] a = random(rnd, m * k), b = random(rnd, n * k);
            double[] scale = new double[m * n];
            double[] ref = naive(Op.TRANS_B, 2.0, a, 0, b, 0, m, k, n, scale);
            assertClose(ref, runIn(VectorKernels::multTransB, 2.0, a, 0, b, 0, 0, m, k, n), scale, k, "n=" + n);
        }
    }

    @Test
    void vectorPathIsChosenInTestsAndScalarPropertyForcesFallback() {
        // surefire runs with --add-modules jdk.incubator.vector
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        assertTrue(Kernels.VECTOR);
        assertEquals("vector", Kernels.kind());
        assertTrue(Kernels.detectVector(null));
        assertTrue(Kernels.detectVector("vector"));
        assertFalse(Kernels.detectVector("scalar"));
        assertFalse(Kernels.detectVector("SCALAR"));
    }

    /** The fallback for real: child JVMs without the module and with -Ddln.kernels=scalar choose scalar and compute right. */
    @Test
    void childJvmFallsBackWithoutModuleOrWhenForced() throws Exception {
        assertEquals("scalar ok", runChild(List.of()));
        assertEquals("scalar ok", runChild(List.of("--add-modules", "jdk.incubator.vector", "-D" + Kernels.KERNELS_PROPERTY + "=scalar")));
        assertEquals("vector ok", runChild(List.of("--add-modules", "jdk.incubator.vector")));
    }

    private static String runChild(List<String> jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(KernelsProbe.class.getName());
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(proc.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, proc.exitValue(), "child failed: " + err);
        return out;
    }
}
