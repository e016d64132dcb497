package org.dlnexplorer.model.engine;

/**
 * Hairer's stiffness test for Dormand–Prince (DOPRI5, Hairer &amp; Wanner II §IV.2): on each accepted step the
 * dominant eigenvalue is estimated from the last two stages, which both start at y (so their difference is
 * the field's Jacobian applied to the difference of their states):
 *   h·ρ ≈ h ‖k7 − k6‖ / ‖y_new − y_stage6‖,
 * and compared with the edge of DP5's stability region on the negative real axis (≈ 3.3). The problem is
 * declared stiff after {@link #STIFF_STEPS} such steps without {@link #CLEAR_STEPS} consecutive steps below it
 * in between (a step-size controller pinned at the stability edge, not by accuracy), and only when the rest
 * of the run would still cost the explicit method more than {@link #WORTHWHILE_STEPS} steps at that edge
 * ((t_end − t)·ρ/3.25): a short stiff stretch is cheaper explicitly than a Jacobian decomposition (the
 * lecture presets never get there).
 */
public final class StiffnessTest {
    /** h·ρ above this: the step is limited by stability (DOPRI5's 3.25) */
    public static final double STABILITY_EDGE = 3.25;
    /** steps at the edge before the run is declared stiff (DOPRI5: 15) */
    public static final int STIFF_STEPS = 15;
    /** consecutive steps below the edge that clear the count (DOPRI5: 6) */
    public static final int CLEAR_STEPS = 6;
    /** explicit steps left at the stability edge below which switching does not pay */
    public static final double WORTHWHILE_STEPS = 5000;

    private int atEdge, below;
    private final double[] sums = new double[2];

    /** true when the run has just been declared stiff, remaining the time still to go; reads the arrays only */
    boolean afterStep(double h, double remaining, double[] k7, double[] k6, double[] yNew, double[] yStage6) {
        sums(k7, k6, yNew, yStage6, sums);
        return afterSums(h, remaining, sums[0], sums[1]);
    }

    /** out = (‖k7 − k6‖², ‖y_new − y_stage6‖²), summed in index order */
    static void sums(double[] k7, double[] k6, double[] yNew, double[] yStage6, double[] out) {
        sums(k7, k6, yNew, yStage6, 0, k7.length, out);
    }

    /** the same sums over entries from … to−1, in index order (DormandPrince54 sums the halves of long states apart) */
    static void sums(double[] k7, double[] k6, double[] yNew, double[] yStage6, int from, int to, double[] out) {
        double num = 0, den = 0;
        for (int i = from; i < to; i++) {
            double dk = k7[i] - k6[i], dy = yNew[i] - yStage6[i];
            num += dk * dk;
            den += dy * dy;
        }
        out[0] = num;
        out[1] = den;
    }

    /** {@link #afterStep} from the sums num = ‖k7 − k6‖², den = ‖y_new − y_stage6‖² */
    boolean afterSums(double h, double remaining, double num, double den) {
        if (!(den > 0)) return false;
        double rho = Math.sqrt(num / den);
        if (h * rho > STABILITY_EDGE) {
            below = 0;
            if (++atEdge >= STIFF_STEPS) {
                atEdge = 0;
                return remaining * rho / STABILITY_EDGE > WORTHWHILE_STEPS;
            }
        } else if (++below >= CLEAR_STEPS) {
            atEdge = 0;
        }
        return false;
    }

    /** start counting afresh (after a stiff segment) */
    void reset() {
        atEdge = 0;
        below = 0;
    }
}
