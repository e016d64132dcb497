package org.dlnexplorer.model.relu;

import org.dlnexplorer.model.core.Activation;
import org.dlnexplorer.model.core.Dataset;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.init.TeacherTask;

import java.util.Random;

/** Small piecewise-linear problems for the tests: a network, its teacher data, a random θ. */
final class ReluFixtures {
    private ReluFixtures() {}

    record Problem(Network network, Dataset data, double[] theta) {
        PiecewiseNet net() { return new PiecewiseNet(network, data); }
    }

    /** widths [d, h, 1], teacher with k neurons, n samples, m test samples, θ with N(0, scale²) entries */
    static Problem problem(int d, int h, int k, int n, int m, double gamma, double etaW, double etaA, double scale,
                           long seed) {
        Activation act = gamma == 0 ? Activation.RELU : Activation.leaky(gamma);
        Network net = new Network(new int[] {d, h, 1}, new double[] {etaW, etaA}, act);
        Dataset data = TeacherTask.generate(d, k, n, m, seed, act);
        Random rng = new Random(seed + 1000);
        double[] theta = new double[h * d + h];
        for (int j = 0; j < theta.length; j++) theta[j] = scale * rng.nextGaussian();
        return new Problem(net, data, theta);
    }
}
