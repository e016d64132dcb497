package org.dlnexplorer.export;

import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.engine.CompareSetRunner;
import org.dlnexplorer.model.engine.FrameListener;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.theory.TheoryRun;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetException;

import java.util.List;

/**
 * Simulates a preset's whole compare set (one run per compare value, or the preset alone) into the
 * RunSet that every view draws, through the one {@link CompareSetRunner}, each member with its exact
 * solution ({@link TheoryRun}), one after another. A diverged member is a result: it stays in the set,
 * marked diverged; so does a member cut short by a cancelled token (not complete).
 */
public final class PresetRunner {
    private PresetRunner() {}

    public static RunSet runSet(Preset preset, String source) throws PresetException {
        return runSet(preset, source, CancellationToken.NEVER);
    }

    public static RunSet runSet(Preset preset, String source, CancellationToken cancel) throws PresetException {
        return runSet(preset, source, cancel, (i, n, spec) -> FrameListener.NONE);
    }

    /** Chooses the frame listener of member i of n (e.g. to report progress). */
    public interface MemberListeners {
        FrameListener of(int member, int members, SimulationSpec spec);
    }

    public static RunSet runSet(Preset preset, String source, CancellationToken cancel, MemberListeners listeners)
            throws PresetException {
        List<CompareSetRunner.Member> members = PresetCompiler.compileSet(preset, source);
        FrameListener[] current = new FrameListener[members.size()];
        CompareSetRunner.Progress progress = new CompareSetRunner.Progress() {
            @Override
            public void onStart(int i) {
                current[i] = listeners.of(i, members.size(), members.get(i).spec());
            }

            @Override
            public void onFrame(int i, Frame f) {
                current[i].onFrame(f);
            }
        };
        return CompareSetRunner.run(preset.name, members, TheoryRun::run, progress, cancel, null);
    }
}
