package org.dlnexplorer.model.theory;

import org.dlnexplorer.Tolerances;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact single-hidden-neuron flow against the adaptive engine over every branch. */
class SingleNeuronAgainstEngineTest {
    private static final int SAMPLES = 25;

    record Case(Network net, Task task, double[] theta0, double a0, double delta, double[] betaStar, boolean columnForm) {}

    /** deltaClass: −1, 0, +1; the configuration is drawn at random within it */
    static Case draw(Random rng, int deltaClass) {
        int d = new int[]{1, 2, 3, 5}[rng.nextInt(4)];
        boolean columnForm = rng.nextInt(4) != 0;                       // [d,1,1], else [1,1,d]
        double etaW = rng.nextBoolean() ? 1.0 : 0.3 + 2 * rng.nextDouble();
        double etaA = rng.nextBoolean() ? 1.0 : 0.3 + 2 * rng.nextDouble();
        double[] beta = new double[d];
        for (int i = 0; i < d; i++) beta[i] = rng.nextGaussian();
        double bn = Math.sqrt(NeuronFlow.dot(beta, beta));
        double scale = 0.3 + 2.7 * rng.nextDouble();                   // ‖β*‖ ≠ 1
        for (int i = 0; i < d; i++) beta[i] *= scale / bn;
        double[] w0 = new double[d];
        for (int i = 0; i < d; i++) w0[i] = 0.8 * rng.nextGaussian();
        if (rng.nextInt(3) == 0) for (int i = 0; i < d; i++) w0[i] -= 0.7 * beta[i];   // misaligned start
        double ww = NeuronFlow.dot(w0, w0);
        double a0;
        double sign = rng.nextBoolean() ? 1 : -1;
        if (deltaClass == 0) {
            a0 = sign * Math.sqrt(etaA * ww / etaW);
        } else if (deltaClass > 0) {
            double delta = 0.05 + 4 * rng.nextDouble();
            a0 = sign * Math.sqrt((delta + etaA * ww) / etaW);
        } else {
            double delta = -(0.05 + 4 * rng.nextDouble());
            double a2 = (delta + etaA * ww) / etaW;
            if (a2 <= 0 || rng.nextInt(5) == 0) {
                // a0 small or zero, w0 sized so that δ is as drawn
                a0 = rng.nextInt(3) == 0 ? 0.0 : sign * 0.3 * rng.nextDouble();
                double target = (etaW * a0 * a0 - delta) / etaA;
                double f = Math.sqrt(target / Math.max(ww, 1e-12));
                for (int i = 0; i < d; i++) w0[i] *= f;
            } else {
                a0 = sign * Math.sqrt(a2);
            }
        }
        double c = rng.nextInt(5) == 0 ? 0.5 + rng.nextDouble() : 1.0;
        Network net;
        DMatrixRMaj t;
        double[] theta;
        if (columnForm) {
            net = new Network(new int[]{d, 1, 1}, new double[]{etaW, etaA});
            t = new DMatrixRMaj(1, d, true, beta);
            theta = new double[d + 1];
            System.arraycopy(w0, 0, theta, 0, d);
            theta[d] = a0;
        } else {
            net = new Network(new int[]{1, 1, d}, new double[]{etaA, etaW});
            t = new DMatrixRMaj(d, 1, true, beta);
            theta = new double[d + 1];
            theta[0] = a0;
            System.arraycopy(w0, 0, theta, 1, d);
        }
        Task task;
        if (c == 1.0) task = Task.whitened(t);
        else {
            DMatrixRMaj s = CommonOps_DDRM.identity(t.numCols);
            CommonOps_DDRM.scale(c, s);
            task = Task.withCovariance(t, s);
        }
        double delta = etaW * a0 * a0 - etaA * NeuronFlow.dot(w0, w0);
        return new Case(net, task, theta, a0, delta, beta, columnForm);
    }

    @Test
    void exactFlowMatchesTheEngineForEveryDeltaBasinAndRate() {
        Random rng = new Random(2024L);
        int signChanges = 0, negativeStarts = 0;
        for (int i = 0; i < 180; i++) {
            int cls = i % 3 - 1;
            Case cs = draw(rng, cls);
            double duration = 1 + 7 * rng.nextDouble();
            var spec = EngineComparison.spec("neuron " + i + " δ=" + cs.delta(), cs.net(), cs.task(), cs.theta0(), duration, SAMPLES);
            Trajectory tr = EngineComparison.compareRun(spec, "single-neuron").trajectory();
            double[][] w = tr.last().weights();
            double aEnd = cs.columnForm() ? w[1][0] : w[0][0];
            if (cs.a0() != 0 && Math.signum(aEnd) != Math.signum(cs.a0())) signChanges++;
            if (cs.a0() < 0) negativeStarts++;
            NeuronFlow sn = NeuronFlow.fromSpec(spec);
            double w2 = w[1][0];                     // [d,1,1]: a = W_2 (for d = 1 both readings are the same flow)
            if (cs.net().width(2) == 1)
                assertEquals(w2, sn.a(duration), Tolerances.AGREEMENT * Math.max(1, Math.abs(w2)));
        }
        assertTrue(signChanges >= 5, "draws must include trajectories where a changes sign: " + signChanges);
        assertTrue(negativeStarts >= 30);
    }

    @Test
    void kuninFigureSettingsMatchTheEngine() {
        // SPEC §4: Σxx = I₂, β* = (0, 1), β0 = (−1, 0), a0 > 0, δ ∈ {−4, −2, −1, 0, 1, 2, 4}, t ∈ [0, 20]
        for (double delta : new double[]{-4, -2, -1, 0, 1, 2, 4}) {
            double a0 = Math.sqrt((delta + Math.sqrt(delta * delta + 4)) / 2);   // a0² − ‖w0‖² = δ, a0‖w0‖ = 1
            double[] theta = {-1 / a0, 0, a0};
            Network net = new Network(2, 1, 1);
            Task task = Task.whitened(new DMatrixRMaj(1, 2, true, 0, 1));
            EngineComparison.compare(EngineComparison.spec("kunin δ=" + delta, net, task, theta, 20, 81), "single-neuron");
        }
    }

    @Test
    void basinIsPredictedByTheSeparatingSurface() {
        Random rng = new Random(99);
        int checked = 0;
        for (int i = 0; i < 60; i++) {
            Case cs = draw(rng, -1);
            double[] w0 = cs.columnForm() ? java.util.Arrays.copyOf(cs.theta0(), cs.theta0().length - 1)
                    : java.util.Arrays.copyOfRange(cs.theta0(), 1, cs.theta0().length);
            double etaA = cs.net().rate(cs.columnForm() ? 2 : 1), etaW = cs.net().rate(cs.columnForm() ? 1 : 2);
            double[] sxx = cs.task().sigmaXX().data;
            double c = sxx[0];
            double g = NeuronFlow.basinFunction(cs.betaStar(), cs.a0(), w0, etaA * c, etaW * c);
            NeuronFlow sn = new NeuronFlow(cs.betaStar(), cs.a0(), w0, etaA * c, etaW * c);
            assertEquals((int) Math.signum(g), sn.basin());
            if (Math.abs(g) < 0.05) continue;
            double aLate = sn.a(1e6);
            assertEquals(Math.signum(g), Math.signum(aLate), "basin of draw " + i);
            double[] min = NeuronFlow.minimum(cs.betaStar(), sn.delta(), etaA * c, etaW * c, (int) Math.signum(g));
            assertEquals(min[0], aLate, 1e-9 * Math.max(1, Math.abs(min[0])));
            checked++;
        }
        assertTrue(checked > 40);
    }

    @Test
    void conservedDeltaAndHyperboloidHoldAlongTheExactPath() {
        Random rng = new Random(5);
        for (int i = 0; i < 30; i++) {
            double[] beta = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            double[] w0 = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            double a0 = 2 * rng.nextGaussian(), etaA = 0.5 + rng.nextDouble(), etaW = 0.5 + rng.nextDouble();
            NeuronFlow sn = new NeuronFlow(beta, a0, w0, etaA, etaW);
            for (double t : new double[]{0.1, 1, 3, 10, 50}) {
                double a = sn.a(t);
                double[] w = sn.w(t);
                double delta = etaW * a * a - etaA * NeuronFlow.dot(w, w);
                assertEquals(sn.delta(), delta, 1e-12 * Math.max(1, etaW * a * a + etaA * NeuronFlow.dot(w, w)));
                double mu = sn.mu(t), phi = sn.phi(t);
                assertTrue(Math.abs(phi) <= 1 + 1e-12);
                assertEquals(a * Math.sqrt(NeuronFlow.dot(w, w)), mu, 1e-12 * Math.max(1, Math.abs(mu)));
            }
        }
    }
}
