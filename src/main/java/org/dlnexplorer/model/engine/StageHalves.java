package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.parallel.CorePair;

/**
 * One loop of {@link DormandPrince54} as two chunks for two cores: the two halves of the entries (for the norms,
 * each half's sums). The caller's core takes the first half, the helper's the second, loop after loop
 * ({@link CorePair}), so each core keeps its half of every vector in its cache.
 */
final class StageHalves implements CorePair.Job {
    private final DormandPrince54 owner;
    private final int mid;
    private int loop;
    private double[] y;
    private double h;

    StageHalves(DormandPrince54 owner, int n) {
        this.owner = owner;
        this.mid = (n / 2) & ~7;   // a whole number of cache lines in the first half
    }

    /** runs loop s with state y and step h over entries 0 … n−1 on the pair */
    void run(CorePair pair, int s, double[] state, double step) {
        loop = s;
        y = state;
        h = step;
        try {
            pair.run(this);
        } finally {
            y = null;
        }
    }

    /** runs loop s with state y and step h here, the first half, then the second (the pair is taken) */
    void runHere(int s, double[] state, double step) {
        owner.chunk(s, state, step, 0, mid);
        owner.chunk(s, state, step, 1, mid);
    }

    @Override
    public int chunks() { return 2; }

    @Override
    public int phaseStart(int chunk) { return 0; }

    @Override
    public void run(int chunk) {
        owner.chunk(loop, y, h, chunk, mid);
    }
}
