package org.dlnexplorer.model.observe;

import java.util.List;

/**
 * Where a run rests on a loss level (a saddle's plateau): the longest stretch of consecutive frames with
 * |ℒ(t)/level − 1| ≤ tolerance, as frame indices first … last.
 */
public record Rest(int first, int last) {
    /** the plateau tolerance the views and preset checks use: within 1 % of the level */
    public static final double TOLERANCE = 0.01;

    /** the longest rest on the level, or null when no frame comes within the tolerance */
    public static Rest on(List<Frame> frames, double level, double tolerance) {
        Rest best = null;
        int start = -1;
        for (int i = 0; i <= frames.size(); i++) {
            boolean in = i < frames.size() && Math.abs(frames.get(i).loss() / level - 1) <= tolerance;
            if (in && start < 0) start = i;
            if (!in && start >= 0) {
                if (best == null || i - 1 - start > best.last - best.first) best = new Rest(start, i - 1);
                start = -1;
            }
        }
        return best;
    }

    /** the middle frame of the rest (by index: frames are evenly spaced in t) */
    public int middle() { return (first + last) / 2; }

    /**
     * The frame of the rest nearest a critical point: the smallest |dℒ/dt| (central differences; under gradient
     * flow dℒ/dt = −‖∇ℒ‖²_η), the middle frame when the rest is shorter than three frames.
     */
    public int stillest(List<Frame> frames) {
        int best = middle();
        double slowest = Double.POSITIVE_INFINITY;
        for (int i = Math.max(first, 1); i <= last && i + 1 < frames.size(); i++) {
            Frame a = frames.get(i - 1), b = frames.get(i + 1);
            double rate = Math.abs(b.loss() - a.loss()) / (b.t() - a.t());
            if (rate < slowest) { slowest = rate; best = i; }
        }
        return best;
    }

    /** how long the run stays on the level */
    public double duration(List<Frame> frames) { return frames.get(last).t() - frames.get(first).t(); }
}
