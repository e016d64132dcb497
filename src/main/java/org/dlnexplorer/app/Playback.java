package org.dlnexplorer.app;

import org.dlnexplorer.model.observe.RunSet;

/** The time cursor's playback: play/pause, one frame forward or back, and the advance per pulse. FX thread. */
final class Playback {
    /** playback: speed 1 crosses the whole duration in this many seconds */
    static final double PLAYBACK_SECONDS = 5.0;
    /** times closer than this are the same frame */
    private static final double TIME_EPSILON = 1e-12;

    private final ViewModel vm;

    Playback(ViewModel vm) {
        this.vm = vm;
    }

    void togglePlay() {
        if (!vm.playing.get() && vm.cursorT.get() >= vm.duration.get() - TIME_EPSILON) vm.cursorT.set(0);
        vm.playing.set(!vm.playing.get());
    }

    /** Pause and move the cursor to the next recorded frame (past the end: back to the start). */
    void stepCursor() {
        vm.playing.set(false);
        RunSet rs = vm.runSet.get();
        double t = vm.cursorT.get();
        double next = Double.NaN;
        if (rs != null && !rs.runs().isEmpty())
            for (double ti : rs.runs().get(0).trajectory().times()) if (ti > t + TIME_EPSILON) { next = ti; break; }
        if (Double.isNaN(next)) next = t >= vm.duration.get() ? 0 : vm.duration.get();
        vm.cursorT.set(Math.min(next, vm.duration.get()));
    }

    /** Pause and move the cursor to the previous recorded frame (before the start: to the end). */
    void stepBack() {
        vm.playing.set(false);
        RunSet rs = vm.runSet.get();
        double t = vm.cursorT.get();
        double previous = Double.NaN;
        if (rs != null && !rs.runs().isEmpty())
            for (double ti : rs.runs().get(0).trajectory().times()) if (ti < t - TIME_EPSILON) previous = ti; else break;
        if (Double.isNaN(previous)) previous = t <= 0 ? vm.duration.get() : 0;
        vm.cursorT.set(Math.max(0, Math.min(previous, vm.duration.get())));
    }

    /** While playing, move the cursor on by dt seconds of wall time: t += dt · speed · T / PLAYBACK_SECONDS. */
    void advance(double dtSeconds) {
        if (!vm.playing.get()) return;
        double end = vm.duration.get();
        double t = vm.cursorT.get() + dtSeconds * vm.speed.get() * end / PLAYBACK_SECONDS;
        if (t >= end) { t = end; vm.playing.set(false); }
        vm.cursorT.set(t);
    }
}
