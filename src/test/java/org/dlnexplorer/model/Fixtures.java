package org.dlnexplorer.model;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/** Seeded random problems for the model tests. */
public final class Fixtures {
    private Fixtures() {}

    public static DMatrixRMaj randomMatrix(int rows, int cols, Random rng, double scale) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = scale * rng.nextGaussian();
        return m;
    }

    /** A random SPD covariance A Aᵀ/n + 0.1 I. */
    public static DMatrixRMaj randomCovariance(int n, Random rng) {
        DMatrixRMaj a = randomMatrix(n, n, rng, 1.0);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        org.ejml.dense.row.CommonOps_DDRM.multTransB(a, a, c);
        org.ejml.dense.row.CommonOps_DDRM.scale(1.0 / n, c);
        for (int i = 0; i < n; i++) c.add(i, i, 0.1);
        return c;
    }

    public static double[] randomVector(int n, Random rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
        return v;
    }

    public static SimulationSpec spec(Network net, Task task, Scheme scheme, double tau, double delta, long seed,
                                      Method method, double duration, int samples, double eta) {
        double[] theta0 = Initializer.initialize(net, task, scheme, tau, delta, seed, null);
        return SimulationSpec.builder(net, task, theta0).name("test").scheme(scheme).scale(tau).delta(delta).seed(seed)
                .method(method).grid(duration, samples).learningRate(eta).build();
    }

    public static DMatrixRMaj diag(int rows, int cols, double... s) {
        DMatrixRMaj t = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < s.length; i++) t.set(i, i, s[i]);
        return t;
    }
}
