package org.dlnexplorer.bench;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The workload of the numpy/scipy peer (../shared/bench/numpy_peer.py), as a {@link SimulationSpec}: an
 * L-layer, width-n square DLN, whitened inputs, target T = U diag(s) Vᵀ with s = 5, 3, 1, 0.5, then
 * halving, U and V random orthogonal; gradient flow (all η_ℓ = 1) on t ∈ [0, 20] by DP5(4) at
 * rtol = atol = 1e-6. Init "product": entries ~ N(0, (scale^{1/L})²/n) so that ‖W_eff‖ ~ scale;
 * "entry": entries ~ N(0, scale²).
 * <p>
 * The peer draws U, V and W0 from numpy's PCG64; we cannot reproduce that stream, so by default the same
 * distributions are drawn from java.util.Random. With the peer's {@code --dump DIR} files the very same
 * T and W0 are read instead ({@link #fromDump}), so both integrate the identical problem.
 */
public final class PeerWorkload {
    public static final double T_END = 20.0;
    public static final double RTOL = 1e-6;
    public static final double ATOL = 1e-6;
    public static final double INIT_SCALE = 1e-3;

    private final int depth;
    private final int width;
    private final String init;
    private final DMatrixRMaj target;
    private final double[] theta0;
    private final String source;

    private PeerWorkload(int depth, int width, String init, DMatrixRMaj target, double[] theta0, String source) {
        this.depth = depth;
        this.width = width;
        this.init = init;
        this.target = target;
        this.theta0 = theta0;
        this.source = source;
    }

    /** "LxN" → {L, N} */
    public static int[] parseConfig(String config) {
        String[] p = config.trim().toLowerCase().split("x");
        if (p.length != 2) throw new IllegalArgumentException("peer config must be LxN (e.g. 4x16), got '" + config + "'");
        int l, n;
        try {
            l = Integer.parseInt(p[0]);
            n = Integer.parseInt(p[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("peer config must be LxN (e.g. 4x16), got '" + config + "'");
        }
        if (l < 1 || n < 1 || l > 64 || n > 1024)
            throw new IllegalArgumentException("peer config out of range (1 ≤ L ≤ 64, 1 ≤ N ≤ 1024): '" + config + "'");
        return new int[]{l, n};
    }

    /** s = 5, 3, 1, 0.5, then halving */
    public static double[] singularValues(int n) {
        double[] base = {5.0, 3.0, 1.0, 0.5};
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = i < base.length ? base[i] : s[i - 1] * 0.5;
        return s;
    }

    /** Same distributions as the peer, drawn from java.util.Random(seed). */
    public static PeerWorkload generate(int depth, int width, String init, double scale, long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj u = randomOrthogonal(width, rng), v = randomOrthogonal(width, rng);
        double[] s = singularValues(width);
        DMatrixRMaj us = u.copy();
        for (int i = 0; i < width; i++) for (int j = 0; j < width; j++) us.set(i, j, u.get(i, j) * s[j]);
        DMatrixRMaj t = new DMatrixRMaj(width, width);
        CommonOps_DDRM.multTransB(us, v, t);
        double sigma = sigma(depth, width, init, scale);
        double[] theta = new double[depth * width * width];
        for (int i = 0; i < theta.length; i++) theta[i] = sigma * rng.nextGaussian();
        return new PeerWorkload(depth, width, init, t, theta, "java.util.Random(" + seed + ")");
    }

    static double sigma(int depth, int width, String init, double scale) {
        return switch (init) {
            case "entry" -> scale;
            case "product" -> Math.pow(scale, 1.0 / depth) / Math.sqrt(width);
            default -> throw new IllegalArgumentException("peer init must be entry or product, got '" + init + "'");
        };
    }

    /** Reads DIR/L{L}_n{N}_{init}_T.f64 and _W0.f64 written by numpy_peer.py --dump DIR. */
    public static PeerWorkload fromDump(Path dir, int depth, int width, String init) throws IOException {
        String tag = tag(depth, width, init);
        double[] t = readF64(dir.resolve(tag + "_T.f64"), width * width);
        double[] w0 = readF64(dir.resolve(tag + "_W0.f64"), depth * width * width);
        // the peer's W0[l] is W_{l+1} (n × n row-major), exactly our flat layout
        return new PeerWorkload(depth, width, init, DMatrixRMaj.wrap(width, width, t), w0, dir.resolve(tag).toString());
    }

    /** The peer's final W_eff of its RK45 run, if dumped (else null). */
    public static double[] peerFinalEffectiveWeight(Path dir, int depth, int width, String init) throws IOException {
        Path p = dir.resolve(tag(depth, width, init) + "_Weff_RK45.f64");
        return Files.exists(p) ? readF64(p, width * width) : null;
    }

    public static String tag(int depth, int width, String init) {
        return "L" + depth + "_n" + width + "_" + init;
    }

    static double[] readF64(Path file, int expected) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != 8L * expected)
            throw new IOException(file + ": expected " + expected + " float64 values, found " + bytes.length / 8.0);
        double[] out = new double[expected];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    private static DMatrixRMaj randomOrthogonal(int n, Random rng) {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < a.data.length; i++) a.data[i] = rng.nextGaussian();
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(a)) throw new IllegalStateException("QR failed");
        DMatrixRMaj q = qr.getQ(null, false), r = qr.getR(null, false);
        for (int j = 0; j < n; j++) {
            double sign = Math.signum(r.get(j, j));
            if (sign == 0) sign = 1;
            for (int i = 0; i < n; i++) q.set(i, j, q.get(i, j) * sign);
        }
        return q;
    }

    public int depth() { return depth; }
    public int width() { return width; }
    public String init() { return init; }
    public String source() { return source; }
    public DMatrixRMaj target() { return target.copy(); }
    public double[] theta0() { return theta0.clone(); }

    /** The peer's run as a spec with {@code samples} recorded frames (2 = start and end only). */
    public SimulationSpec spec(int samples) {
        return spec(samples, T_END);
    }

    /** The same on t ∈ [0, tEnd] (the peer's --t-end). */
    public SimulationSpec spec(int samples, double tEnd) {
        int[] widths = new int[depth + 1];
        java.util.Arrays.fill(widths, width);
        Network net = new Network(widths);
        Task task = Task.whitened(target);
        return SimulationSpec.builder(net, task, theta0).name("peer " + depth + "x" + width + " " + init)
                .scheme(Scheme.EXPLICIT).method(Method.GRADIENT_FLOW).grid(tEnd, samples).tolerances(RTOL, ATOL)
                .build();
    }

    /** ‖W_eff(θ)‖ for a flat θ of this workload (used to compare final states). */
    public DMatrixRMaj effectiveWeight(double[] theta) {
        int[] widths = new int[depth + 1];
        java.util.Arrays.fill(widths, width);
        Network net = new Network(widths);
        DMatrixRMaj out = new DMatrixRMaj(width, width);
        new Objective(net, Task.whitened(target)).effectiveWeight(theta, out);
        return out;
    }

    /** rtol = atol of the reference solution that {@link #accuracy} measures both sides against */
    public static final double REFERENCE_TOLERANCE = 1e-12;

    /** Field evaluations of our run and the relative error ‖W_eff − W_eff^ref‖_F / ‖W_eff^ref‖_F at t = 20. */
    public record Accuracy(long steps, long evaluations, double ours, double peer) {}

    /**
     * Integrates this workload once at the peer's tolerance (counting field evaluations) and once at
     * {@link #REFERENCE_TOLERANCE}, and compares the final W_eff of ours and of the peer (if given) with
     * the reference. Slow (the reference takes ~16× the steps): for `bench --accuracy` only.
     */
    public Accuracy accuracy(double[] peerFinalWeff) {
        SimulationSpec s = spec(2);
        Objective objective = new Objective(s.network(), s.task());
        double[][] atTol = new double[1][], reference = new double[1][];
        org.dlnexplorer.model.engine.IntegrationResult r = finalWeff(objective, RTOL, ATOL, atTol);
        finalWeff(objective, REFERENCE_TOLERANCE, REFERENCE_TOLERANCE, reference);
        return new Accuracy(r.steps(), r.evaluations(), relativeError(atTol[0], reference[0]),
                peerFinalWeff == null ? Double.NaN : relativeError(peerFinalWeff, reference[0]));
    }

    private org.dlnexplorer.model.engine.IntegrationResult finalWeff(Objective objective, double rtol, double atol,
                                                                     double[][] out) {
        DMatrixRMaj w = new DMatrixRMaj(width, width);
        return new org.dlnexplorer.model.engine.DormandPrince54(objective.parameterCount()).integrate(
                objective::flow, theta0(), new double[]{0, T_END}, rtol, atol, (i, t, y, steps) -> {
                    if (i == 1) {
                        objective.effectiveWeight(y, w);
                        out[0] = w.data.clone();
                    }
                    return true;
                });
    }

    /** ‖x − ref‖_F / ‖ref‖_F over flat arrays of equal length */
    public static double relativeError(double[] x, double[] ref) {
        double d = 0, r = 0;
        for (int i = 0; i < ref.length; i++) {
            d += (x[i] - ref[i]) * (x[i] - ref[i]);
            r += ref[i] * ref[i];
        }
        return Math.sqrt(d / Math.max(r, 1e-300));
    }
}
