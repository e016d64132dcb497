package org.dlnexplorer.export;

import org.dlnexplorer.model.theory.TheoryRun;
import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.engine.FrameListener;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetException;

import java.util.ArrayList;
import java.util.List;

/**
 * Simulates a preset's whole compare set (one run per compare value, or the preset alone) into the
 * RunSet that every view draws. A diverged member is a result: it stays in the set, marked diverged.
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
        FrameListener of(int member, int members, org.dlnexplorer.model.engine.SimulationSpec spec);
    }

    public static RunSet runSet(Preset preset, String source, CancellationToken cancel, MemberListeners listeners)
            throws PresetException {
        List<PresetCompiler.Member> members = PresetCompiler.compileSet(preset, source);
        List<RunSet.Labeled> runs = new ArrayList<>(members.size());
        for (PresetCompiler.Member m : members) {
            Trajectory t = TheoryRun.run(m.spec(), listeners.of(runs.size(), members.size(), m.spec()), cancel);
            runs.add(new RunSet.Labeled(m.label(), t));
        }
        return new RunSet(preset.name, runs);
    }
}
