package org.dlnexplorer.model.init;

import org.dlnexplorer.model.core.Activation;
import org.dlnexplorer.model.core.Dataset;
import org.dlnexplorer.model.core.Teacher;

import java.util.Random;

/**
 * The teacher–student task of Kunin et al. App. C (Fig. 1): a teacher with k hidden neurons, rows w*_j uniform
 * on S^{d−1} and output weights a*_j = ±1 with equal odds; n training and m test inputs uniform on S^{d−1};
 * noiseless labels y = Σ_j a*_j σ(w*_j · x) with the student's σ. Drawn from one seeded generator in that
 * order (teacher rows, teacher signs, training inputs, test inputs), so the training set does not depend on m.
 */
public final class TeacherTask {
    private TeacherTask() {}

    public static Dataset generate(int d, int k, int n, int m, long seed, Activation sigma) {
        Random rng = new Random(seed);
        double[] w = new double[k * d], a = new double[k];
        for (int j = 0; j < k; j++) System.arraycopy(Symmetrized.unitVector(d, rng), 0, w, j * d, d);
        for (int j = 0; j < k; j++) a[j] = rng.nextBoolean() ? 1.0 : -1.0;
        Teacher teacher = new Teacher(k, d, w, a);
        double[] x = inputs(n, d, rng), y = labels(teacher, sigma, x, n, d);
        double[] tx = inputs(m, d, rng), ty = labels(teacher, sigma, tx, m, d);
        return new Dataset(n, d, x, y, m, m > 0 ? tx : null, m > 0 ? ty : null, teacher);
    }

    private static double[] inputs(int count, int d, Random rng) {
        double[] x = new double[count * d];
        for (int i = 0; i < count; i++) System.arraycopy(Symmetrized.unitVector(d, rng), 0, x, i * d, d);
        return x;
    }

    private static double[] labels(Teacher t, Activation sigma, double[] x, int count, int d) {
        double[] y = new double[count];
        for (int i = 0; i < count; i++) y[i] = t.apply(sigma, x, i * d);
        return y;
    }
}
