package org.dlnexplorer.bench;

import org.dlnexplorer.model.engine.DormandPrince54;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.objective.Objective;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Random;

/** The numpy peer's problem (depth × width, product init, Java-drawn) at t = 5 of its trajectory. */
@State(Scope.Thread)
public class PeerState {
    /** time along the trajectory at which the kernels are measured (weights no longer tiny) */
    public static final double T_PROBE = 5.0;

    @Param({"2x4", "4x16", "8x64"})
    public String config;

    public SimulationSpec spec;
    public Objective objective;
    public double[] theta0;
    public double[] theta;
    public double[] out;
    public double[] vec;

    @Setup(Level.Trial)
    public void setUp() {
        int[] ln = PeerWorkload.parseConfig(config);
        spec = PeerWorkload.generate(ln[0], ln[1], "product", PeerWorkload.INIT_SCALE, 0).spec(2);
        objective = new Objective(spec.network(), spec.task());
        theta0 = spec.theta0();
        theta = stateAt(spec, objective, T_PROBE);
        out = new double[theta.length];
        vec = new double[theta.length];
        Random rng = new Random(3);
        for (int i = 0; i < vec.length; i++) vec[i] = rng.nextGaussian();
    }

    /** θ(t) by the engine itself */
    static double[] stateAt(SimulationSpec spec, Objective objective, double t) {
        double[][] holder = new double[1][];
        new DormandPrince54(spec.network().parameterCount()).integrate(objective::flow, spec.theta0(),
                new double[]{0.0, t}, spec.rtol(), spec.atol(),
                (i, time, y, steps) -> {
                    if (i == 1) holder[0] = y.clone();
                    return true;
                });
        return holder[0];
    }
}
