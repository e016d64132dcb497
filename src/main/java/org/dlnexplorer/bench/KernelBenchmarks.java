package org.dlnexplorer.bench;

import org.dlnexplorer.model.engine.DormandPrince54;
import org.dlnexplorer.model.observe.Observables;
import org.dlnexplorer.model.observe.Sharpness;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The engine's kernels on the numpy peer's problem (params 2x4, 4x16, 8x64): gradient-flow field,
 * one DP5(4) trial step, one recorded frame (SVDs of W_eff and every layer, NTK distance, balance),
 * the NTK distance alone, one exact Hessian-vector product, and the sharpness (Lanczos).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class KernelBenchmarks {

    /** per-thread engine pieces bound to the peer problem */
    @State(Scope.Thread)
    public static class Engine {
        public DormandPrince54 dp5;
        public Observables observables;
        public Sharpness sharpness;

        @Setup(Level.Trial)
        public void setUp(PeerState p) {
            dp5 = new DormandPrince54(p.theta.length);
            observables = new Observables(p.spec.network(), p.spec.task(),
                    new org.dlnexplorer.model.objective.Objective(p.spec.network(), p.spec.task()), false);
            observables.setInitial(p.theta0);
            sharpness = new Sharpness(p.objective);
        }
    }

    /** dθ/dt = −∇ℒ: 3(L − 1) products of n × n matrices (the peer's grad_flow) */
    @Benchmark
    public double[] gradientFlowField(PeerState p) {
        p.objective.flow(p.theta, p.out);
        return p.out;
    }

    /** one Dormand–Prince 5(4) trial step with error estimate: 7 field evaluations (6 with FSAL in a run) */
    @Benchmark
    public double dp5Step(PeerState p, Engine e) {
        return e.dp5.trialStep(p.objective::flow, p.theta, 1e-2, PeerWorkload.RTOL, PeerWorkload.ATOL);
    }

    /** one recorded frame: loss, SVD of W_eff with vectors, SVD of every layer, NTK distance, balance drift */
    @Benchmark
    public Object frame(PeerState p, Engine e) {
        return e.observables.frame(1, 1, PeerState.T_PROBE, p.theta);
    }

    /** the NTK kernel distance S(0,t) alone */
    @Benchmark
    public double ntkDistance(PeerState p, Engine e) {
        return e.observables.kernelDistance(p.theta);
    }

    /** one exact Hessian-vector product (forward pass cached for the same θ, as inside Lanczos) */
    @Benchmark
    public double[] hessianVector(PeerState p) {
        p.objective.hessianVector(p.theta, p.vec, p.out);
        return p.out;
    }

    /** λ_max of the Hessian by Lanczos on exact HVPs, to 1e-6 relative */
    @Benchmark
    public double sharpness(PeerState p, Engine e) {
        return e.sharpness.compute(p.theta);
    }
}
