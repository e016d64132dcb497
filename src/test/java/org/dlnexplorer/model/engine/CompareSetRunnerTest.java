package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.Fixtures;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.theory.TheoryRun;
import org.dlnexplorer.output.RunJsonWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one compare-set runner gives, member by member, exactly the trajectories the old paths computed
 * (export: TheoryRun.run per member in order), on one thread or two, and stops cleanly.
 */
class CompareSetRunnerTest {
    /** what export and bench run: the simulation with its exact solution */
    private static final CompareSetRunner.MemberRun WITH_THEORY = TheoryRun::run;
    private final ExecutorService helper = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        helper.shutdownNow();
    }

    /** δ = −2 … 2 on T = diag(3, 1), aligned init at τ = 0.05, plus one gradient-descent member */
    private static List<CompareSetRunner.Member> members() {
        Network net = new Network(2, 2, 2);
        Task task = Task.whitened(Fixtures.diag(2, 2, 3, 1));
        List<CompareSetRunner.Member> out = new ArrayList<>();
        for (double delta : new double[]{-2, -1, 0, 1, 2})
            out.add(new CompareSetRunner.Member("δ = " + delta, delta,
                    Fixtures.spec(net, task, Scheme.ALIGNED, 0.05, delta, 1, Method.GRADIENT_FLOW, 4.0, 41, 0)));
        out.add(new CompareSetRunner.Member("gd", Double.NaN,
                Fixtures.spec(net, task, Scheme.ORTHOGONAL, 0.3, 0, 2, Method.GRADIENT_DESCENT, 3.0, 31, 0.05)));
        return out;
    }

    /** the old export path: TheoryRun.run for each member, in order */
    private static List<String> oldPath(List<CompareSetRunner.Member> members) {
        List<String> out = new ArrayList<>();
        for (CompareSetRunner.Member m : members)
            out.add(RunJsonWriter.toJson(TheoryRun.run(m.spec(), FrameListener.NONE, CancellationToken.NEVER)));
        return out;
    }

    private static void assertSameRuns(List<CompareSetRunner.Member> members, List<String> expected, RunSet got) {
        assertEquals(members.size(), got.runs().size());
        for (int i = 0; i < members.size(); i++) {
            assertEquals(members.get(i).label(), got.runs().get(i).label(), "member order");
            assertEquals(expected.get(i), RunJsonWriter.toJson(got.runs().get(i).trajectory()),
                    "member " + i + ": every frame and the exact solution identical");
        }
    }

    @Test
    void oneThreadGivesTheOldPathsTrajectories() {
        List<CompareSetRunner.Member> members = members();
        RunSet got = CompareSetRunner.run("set", members, WITH_THEORY);
        assertEquals("set", got.title());
        assertSameRuns(members, oldPath(members), got);
    }

    @Test
    void twoThreadsGiveTheSameTrajectoriesInOrder() {
        List<CompareSetRunner.Member> members = members();
        List<String> expected = oldPath(members);
        for (int repeat = 0; repeat < 3; repeat++) {
            RunSet got = CompareSetRunner.run("set", members, WITH_THEORY,
                    CompareSetRunner.Progress.NONE, new CancellationToken(), helper);
            assertSameRuns(members, expected, got);
        }
    }

    @Test
    void progressHearsEveryFrameAndEveryMember() {
        List<CompareSetRunner.Member> members = members();
        AtomicIntegerArray frames = new AtomicIntegerArray(members.size());
        List<RunSet.Labeled> finished = java.util.Collections.synchronizedList(new ArrayList<>());
        RunSet got = CompareSetRunner.run("set", members, WITH_THEORY,
                new CompareSetRunner.Progress() {
                    @Override
                    public void onStart(int member) {
                        assertEquals(0, frames.get(member), "a member starts before its frames");
                    }

                    @Override
                    public void onFrame(int member, org.dlnexplorer.model.observe.Frame frame) {
                        frames.incrementAndGet(member);
                    }

                    @Override
                    public void onMember(int member, RunSet.Labeled run) {
                        finished.add(run);
                    }
                }, new CancellationToken(), helper);
        for (int i = 0; i < members.size(); i++) {
            assertEquals(got.runs().get(i).trajectory().frames().size(), frames.get(i), "frames of member " + i);
            assertTrue(finished.contains(got.runs().get(i)));
        }
        assertEquals(members.size(), finished.size());
    }

    @Test
    void afterACancelEveryMemberStandsNotComplete() {
        // export's time budget: the members left when the token is cancelled are in the set, cut short
        CancellationToken token = new CancellationToken();
        List<CompareSetRunner.Member> members = members();
        RunSet got = CompareSetRunner.run("set", members, (spec, frames, cancel) -> {
            Trajectory tr = TheoryRun.run(spec, frames, cancel);
            token.cancel();
            return tr;
        }, CompareSetRunner.Progress.NONE, token, null);
        assertEquals(members.size(), got.runs().size());
        assertTrue(got.runs().get(0).trajectory().complete(), "the first member ran before the cancel");
        for (int i = 1; i < members.size(); i++) assertFalse(got.runs().get(i).trajectory().complete(), "member " + i);
    }

    @Test
    void aNullRunCutsTheSetShort() {
        // the app: a member of a cancelled request returns null, and no further member starts
        AtomicInteger started = new AtomicInteger();
        RunSet got = CompareSetRunner.run("set", members(), (spec, frames, cancel) -> {
            started.incrementAndGet();
            return null;
        }, CompareSetRunner.Progress.NONE, new CancellationToken(), null);
        assertNull(got);
        assertEquals(1, started.get(), "no member starts after the first was cut short");
    }

    @Test
    void aFailingMemberCancelsTheSetAndPropagates() {
        CancellationToken token = new CancellationToken();
        IllegalStateException boom = new IllegalStateException("member 3 failed");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CompareSetRunner.run("set", members(),
                (spec, frames, cancel) -> {
                    if (spec.delta() == 1) throw boom;
                    return TheoryRun.run(spec, frames, cancel);
                }, CompareSetRunner.Progress.NONE, token, helper));
        assertSame(boom, e);
        assertTrue(token.isCancelled());
    }

    @Test
    void aMemberRunThatReturnsNullCutsTheSetShort() {
        RunSet got = CompareSetRunner.run("set", members(),
                (spec, frames, cancel) -> spec.delta() == 0 && spec.method() == Method.GRADIENT_FLOW ? null : TheoryRun.run(spec, frames, cancel),
                CompareSetRunner.Progress.NONE, new CancellationToken(), null);
        assertNull(got);
        Trajectory alone = CompareSetRunner.run("one", members().subList(0, 1), WITH_THEORY).runs().get(0).trajectory();
        assertTrue(alone.complete());
    }

    @Test
    void membersSideBySideRunOnOneThreadEachAndAloneMayUseBoth() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.dlnexplorer.model.parallel.CorePair.available(), "two processors");
        List<CompareSetRunner.Member> members = members().subList(0, 3);
        AtomicInteger offered = new AtomicInteger();
        CompareSetRunner.MemberRun watching = (spec, frames, cancel) -> {
            if (org.dlnexplorer.model.parallel.CorePair.available()) offered.incrementAndGet();
            return TheoryRun.run(spec, frames, cancel);
        };
        CompareSetRunner.run("side by side", members, watching, CompareSetRunner.Progress.NONE, new CancellationToken(), helper);
        assertEquals(0, offered.get(), "members side by side offered the second core");
        CompareSetRunner.run("one after another", members, watching);
        assertEquals(3, offered.get(), "members on the calling thread alone are offered it");
    }
}
