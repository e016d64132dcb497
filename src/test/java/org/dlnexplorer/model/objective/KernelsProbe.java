package org.dlnexplorer.model.objective;

/** Child-JVM entry for VectorKernelsTest: prints the kernel kind and "ok" if a 16×16 product is right. */
public final class KernelsProbe {
    private KernelsProbe() {}

    public static void main(String[] args) {
        int n = 16;
        double[] a = new double[n * n], b = new double[n * n], c = new double[n * n];
        for (int i = 0; i < n * n; i++) { a[i] = (i % 7) - 3; b[i] = (i % 5) - 2; }
        Kernels.mult(0.5, a, 0, b, 0, c, 0, n, n, n);
        boolean ok = true;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) s += a[i * n + p] * b[p * n + j];
                // small integers: every partial sum is exact, so FMA and scalar agree exactly
                ok &= c[i * n + j] == 0.5 * s;
            }
        }
        System.out.println(Kernels.kind() + (ok ? " ok" : " WRONG"));
    }
}
