package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Observables;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast paths (backpropagated gradient on blocked kernels, reused observable workspaces) agree with
 * straightforward references: a naive triple-loop gradient, the original EJML objective
 * ({@link ReferenceObjective}) and the original per-frame observables ({@link ReferenceObservables}).
 */
class FastPathAgreementTest {
    /** field and gradient agreement, relative to the field's max-norm */
    private static final double FIELD_REL = 1e-12;
    /** whole-trajectory agreement */
    private static final double TRAJECTORY_TOL = 1e-9;

    /** a random problem: widths, task (whitened, covariance or data), rates and θ */
    record Problem(Network net, Task task, double[] theta) {}

    static Problem randomProblem(Random rng, int maxDepth, int maxWidth) {
        int depth = 1 + rng.nextInt(maxDepth);
        int[] widths = new int[depth + 1];
        for (int i = 0; i <= depth; i++) widths[i] = 1 + rng.nextInt(maxWidth);
        double[] rates = new double[depth];
        boolean unitRates = rng.nextBoolean();
        for (int l = 0; l < depth; l++) rates[l] = unitRates ? 1.0 : 0.25 + 2 * rng.nextDouble();
        Network net = new Network(widths, rates);
        int n0 = widths[0], nL = widths[depth];
        DMatrixRMaj t = new DMatrixRMaj(nL, n0);
        for (int i = 0; i < t.data.length; i++) t.data[i] = rng.nextGaussian();
        Task task;
        switch (rng.nextInt(3)) {
            case 0 -> task = Task.whitened(t);
            case 1 -> {
                DMatrixRMaj g = new DMatrixRMaj(n0, n0 + 2);
                for (int i = 0; i < g.data.length; i++) g.data[i] = rng.nextGaussian();
                DMatrixRMaj s = new DMatrixRMaj(n0, n0);
                org.ejml.dense.row.CommonOps_DDRM.multTransB(g, g, s);
                org.ejml.dense.row.CommonOps_DDRM.scale(1.0 / (n0 + 2), s);
                task = Task.withCovariance(t, s);
            }
            default -> {
                int n = 2 + rng.nextInt(6);
                DMatrixRMaj x = new DMatrixRMaj(n, n0), y = new DMatrixRMaj(n, nL);
                for (int i = 0; i < x.data.length; i++) x.data[i] = rng.nextGaussian();
                for (int i = 0; i < y.data.length; i++) y.data[i] = rng.nextGaussian();
                task = Task.fromData(x, y);
            }
        }
        double[] theta = new double[net.parameterCount()];
        for (int i = 0; i < theta.length; i++) theta[i] = 0.7 * rng.nextGaussian();
        return new Problem(net, task, theta);
    }

    /** ∂ℒ/∂W_ℓ = W_{L:ℓ+1}ᵀ (W_eff Σxx − Σyx) W_{ℓ−1:1}ᵀ by explicit triple loops (SPEC §1). */
    static double[] naiveGradient(Network net, Task task, double[] theta) {
        int depth = net.depth();
        double[][] w = new double[depth + 1][];
        for (int l = 1; l <= depth; l++) {
            w[l] = new double[net.rows(l) * net.cols(l)];
            System.arraycopy(theta, net.offset(l), w[l], 0, w[l].length);
        }
        int n0 = net.inputDim(), nL = net.outputDim();
        double[] weff = product(net, w, depth, 1);
        double[] sxx = task.sigmaXX().data, syx = task.sigmaYX().data;
        double[] e = mul(weff, sxx, nL, n0, n0);
        for (int i = 0; i < e.length; i++) e[i] -= syx[i];
        double[] grad = new double[theta.length];
        for (int l = 1; l <= depth; l++) {
            double[] s = product(net, w, depth, l + 1);      // n_L × n_ℓ
            double[] p = product(net, w, l - 1, 1);          // n_{ℓ−1} × n_0
            int nl = net.rows(l), nlm = net.cols(l);
            double[] st = transpose(s, nL, nl);
            double[] se = mul(st, e, nl, nL, n0);
            double[] g = mul(se, transpose(p, nlm, n0), nl, n0, nlm);
            System.arraycopy(g, 0, grad, net.offset(l), g.length);
        }
        return grad;
    }

    private static double[] product(Network net, double[][] w, int hi, int lo) {
        int n = lo >= 2 ? net.width(lo - 1) : net.inputDim();
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) p[i * n + i] = 1;
        int cols = n;
        for (int l = lo; l <= hi; l++) {
            p = mul(w[l], p, net.rows(l), net.cols(l), cols);
        }
        return p;
    }

    private static double[] mul(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
                c[i * n + j] = s;
            }
        return c;
    }

    private static double[] transpose(double[] a, int m, int n) {
        double[] t = new double[m * n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) t[j * m + i] = a[i * n + j];
        return t;
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static void assertClose(String what, double[] ref, double[] got, double rel) {
        assertEquals(ref.length, got.length, what + " length");
        double scale = Math.max(maxAbs(ref), 1e-300);
        for (int i = 0; i < ref.length; i++)
            assertTrue(Math.abs(ref[i] - got[i]) <= rel * scale,
                    what + "[" + i + "]: " + got[i] + " vs " + ref[i] + " (scale " + scale + ")");
    }

    @Test
    void gradientMatchesTheNaiveTripleLoopAtRandomSizes() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            Problem p = randomProblem(rng, 5, trial < 150 ? 7 : 20);
            Objective fast = new Objective(p.net(), p.task());
            double[] g = new double[p.theta().length];
            double loss = fast.gradient(p.theta(), g);
            assertClose("gradient, widths " + java.util.Arrays.toString(p.net().widths()),
                    naiveGradient(p.net(), p.task(), p.theta()), g, FIELD_REL);
            ReferenceObjective ref = new ReferenceObjective(p.net(), p.task());
            assertEquals(ref.loss(p.theta()), loss, 1e-12 * Math.max(1.0, Math.abs(loss)));
        }
    }

    @Test
    void flowFieldLossAndEffectiveWeightEqualTheReferenceObjective() {
        Random rng = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            Problem p = randomProblem(rng, 6, trial < 150 ? 8 : 24);
            Objective fast = new Objective(p.net(), p.task());
            ReferenceObjective ref = new ReferenceObjective(p.net(), p.task());
            int n = p.theta().length;
            double[] a = new double[n], b = new double[n];
            fast.flow(p.theta(), a);
            ref.flow(p.theta(), b);
            assertClose("flow", b, a, FIELD_REL);
            double[] c = new double[n];
            double l = fast.flowAndLoss(p.theta(), c);
            assertClose("flowAndLoss", a, c, 0.0);
            assertEquals(fast.loss(p.theta()), l, 0.0);
            assertEquals(ref.loss(p.theta()), fast.loss(p.theta()), 1e-12 * Math.max(1.0, Math.abs(l)));
            DMatrixRMaj w1 = new DMatrixRMaj(1, 1), w2 = new DMatrixRMaj(1, 1);
            fast.effectiveWeight(p.theta(), w1);
            ref.effectiveWeight(p.theta(), w2);
            assertClose("W_eff", w2.data, w1.data, 1e-13);
        }
    }

    @Test
    void hessianVectorProductsEqualTheReferenceAlsoWhenThetaChangesInPlace() {
        Random rng = new Random(13);
        for (int trial = 0; trial < 100; trial++) {
            Problem p = randomProblem(rng, 5, 8);
            Objective fast = new Objective(p.net(), p.task());
            ReferenceObjective ref = new ReferenceObjective(p.net(), p.task());
            double[] theta = p.theta();
            int n = theta.length;
            for (int round = 0; round < 3; round++) {
                double[] v = KernelsTest.random(rng, n);
                double[] a = new double[n], b = new double[n];
                fast.hessianVector(theta, v, a);
                ref.hessianVector(theta, v, b);
                assertClose("H v", b, a, 1e-12);
                theta[rng.nextInt(n)] += 0.3; // same array, new contents: the cached forward pass must notice
            }
        }
    }

    @Test
    void framesEqualTheReferenceObservables() {
        Random rng = new Random(17);
        for (int trial = 0; trial < 60; trial++) {
            Problem p = randomProblem(rng, 4, 6);
            boolean sharp = trial % 4 == 0;
            Observables fast = new Observables(p.net(), p.task(), new Objective(p.net(), p.task()), sharp);
            ReferenceObservables ref = new ReferenceObservables(p.net(), p.task(), new Objective(p.net(), p.task()), sharp);
            double[] theta0 = p.theta();
            fast.setInitial(theta0);
            ref.setInitial(theta0);
            double[] theta = theta0.clone();
            for (int f = 0; f < 3; f++) {
                for (int i = 0; i < theta.length; i++) theta[i] += 0.2 * rng.nextGaussian();
                assertFramesClose(ref.frame(f, f, f, theta), fast.frame(f, f, f, theta), 1e-10);
            }
            double[] t = theta.clone();
            assertClose("NTK matrix", ref.ntkMatrix(t).data, fast.ntkMatrix(t).data, 1e-12);
        }
    }

    static void assertFramesClose(Frame a, Frame b, double tol) {
        assertEquals(a.t(), b.t(), 0.0);
        assertEquals(a.step(), b.step());
        assertNear("loss", a.loss(), b.loss(), tol);
        assertClose("singular values", a.singularValues(), b.singularValues(), tol);
        double[][] la = a.layerSingularValues(), lb = b.layerSingularValues();
        for (int l = 0; l < la.length; l++) assertClose("layer singular values", la[l], lb[l], tol);
        assertNear("kernel distance", a.kernelDistance(), b.kernelDistance(), tol);
        assertNear("balance drift", a.balanceDrift(), b.balanceDrift(), tol);
        assertNear("effective rank", a.effectiveRank(), b.effectiveRank(), tol);
        assertEquals(a.rank(), b.rank());
        // alignment needs singular vectors: compare only modes whose σ is separated from its neighbours
        // (vectors of repeated or zero singular values are arbitrary, in any implementation)
        double[] sv = a.singularValues();
        double gapTol = 1e-3 * Math.max(1e-300, maxAbs(sv));
        for (int m = 0; m < sv.length; m++) {
            boolean separated = sv[m] > gapTol && (m == 0 || sv[m - 1] - sv[m] > gapTol)
                    && (m == sv.length - 1 || sv[m] - sv[m + 1] > gapTol);
            if (separated)
                assertNear("alignment[" + m + "]", a.alignment()[m], b.alignment()[m], 1e-6);
        }
        assertClose("W_eff", a.effectiveWeight(), b.effectiveWeight(), tol);
        assertEquals(a.hasWeights(), b.hasWeights());
        if (a.hasWeights())
            for (int l = 0; l < a.weights().length; l++) assertClose("weights", a.weights()[l], b.weights()[l], tol);
        assertEquals(a.hasSharpness(), b.hasSharpness());
        if (a.hasSharpness())
            assertEquals(a.sharpness(), b.sharpness(), 1e-5 * Math.max(1.0, Math.abs(a.sharpness())), "sharpness");
    }

    private static void assertNear(String what, double a, double b, double tol) {
        assertTrue(Math.abs(a - b) <= tol * Math.max(1.0, Math.abs(a)), what + ": " + b + " vs " + a);
    }

    /** The whole trajectory: fast engine (Simulation) vs DP5 on the reference field with reference frames. */
    @Test
    void wholeTrajectoriesEqualTheReferenceEngine() {
        Random rng = new Random(23);
        for (int trial = 0; trial < 12; trial++) {
            Problem p = randomProblem(rng, 4, 5);
            double[] theta0 = p.theta();
            for (int i = 0; i < theta0.length; i++) theta0[i] *= 0.5;
            boolean gd = trial % 3 == 2;
            Method method = gd ? Method.GRADIENT_DESCENT : Method.GRADIENT_FLOW;
            SimulationSpec spec = SimulationSpec.builder(p.net(), p.task(), theta0).name("t" + trial)
                    .scheme(Scheme.EXPLICIT).method(method).grid(3.0, 31).learningRate(0.01).tolerances(1e-10, 1e-12)
                    .rk4Step(1e-3).sharpness(trial % 4 == 0).build();
            Trajectory fast = Simulation.simulate(spec, FrameListener.NONE, CancellationToken.NEVER);
            List<Frame> ref = referenceFrames(spec);
            assertEquals(ref.size(), fast.frames().size(), "frames");
            for (int i = 0; i < ref.size(); i++)
                assertFramesClose(ref.get(i), fast.frames().get(i), TRAJECTORY_TOL);
        }
    }

    /** the original engine: DP5 (or GD) on the reference objective, frames from the reference observables */
    static List<Frame> referenceFrames(SimulationSpec spec) {
        ReferenceObjective field = new ReferenceObjective(spec.network(), spec.task());
        ReferenceObservables obs = new ReferenceObservables(spec.network(), spec.task(),
                new Objective(spec.network(), spec.task()), spec.sharpness());
        double[] theta0 = spec.theta0();
        obs.setInitial(theta0);
        List<Frame> frames = new ArrayList<>();
        double[] grid = spec.grid();
        if (spec.method() == Method.GRADIENT_DESCENT) {
            double[] theta = theta0.clone(), g = new double[theta.length];
            long[] record = GradientDescent.recordedSteps(grid, spec.learningRate());
            int next = 0;
            for (long step = 0; ; step++) {
                while (next < record.length && record[next] == step) {
                    frames.add(obs.frame(next, step, spec.learningRate() * step, theta));
                    next++;
                }
                if (step >= record[record.length - 1]) break;
                field.gradient(theta, g);
                Network net = spec.network();
                for (int l = 1; l <= net.depth(); l++) {
                    int off = net.offset(l), len = net.rows(l) * net.cols(l);
                    for (int i = 0; i < len; i++) theta[off + i] -= spec.learningRate() * net.rate(l) * g[off + i];
                }
            }
        } else {
            new DormandPrince54(theta0.length).integrate(field::flow, theta0, grid, spec.rtol(), spec.atol(),
                    (i, t, y, n) -> frames.add(obs.frame(i, n, t, y)));
        }
        return frames;
    }
}
