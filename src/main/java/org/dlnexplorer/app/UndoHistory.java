package org.dlnexplorer.app;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Undo and redo of every parameter change and preset load. A state is the loaded preset and the
 * controls' values ({@link Params}); a change is recorded once its event is over (a preset load or
 * reset-all, which set many properties, is one step). Changes following each other within
 * {@link #MERGE_MILLIS} (a slider being dragged, a value being typed digit by digit) are one step.
 * Undoing a preset load selects the earlier preset again (through the picker) and then its values. FX thread.
 */
final class UndoHistory {
    /** changes closer together than this are one step of the history */
    static final long MERGE_MILLIS = 600;
    /** at most this many steps are kept */
    static final int MAX_STEPS = 200;

    /** what one step restores */
    record State(PresetLibrary.Entry preset, Params params) {}

    private final ViewModel vm;
    /** selects a preset in the picker (which loads it) */
    private final Consumer<PresetLibrary.Entry> select;
    private final Executor later;
    private final LongSupplier clock;
    private final long mergeMillis;
    private final Deque<State> undo = new ArrayDeque<>(), redo = new ArrayDeque<>();
    private final BooleanProperty canUndo = new SimpleBooleanProperty(false), canRedo = new SimpleBooleanProperty(false);
    private PresetLibrary.Entry preset;
    private State current;
    private boolean restoring, pending, lastWasLoad;
    private long lastChange = Long.MIN_VALUE / 2;

    UndoHistory(ViewModel vm, Consumer<PresetLibrary.Entry> select, Executor later, LongSupplier clock, long mergeMillis) {
        this.vm = vm;
        this.select = select;
        this.later = later;
        this.clock = clock;
        this.mergeMillis = mergeMillis;
        InvalidationListener changed = o -> changed();
        for (Observable p : new Observable[]{vm.delta, vm.logScale, vm.depth, vm.width, vm.learningRate, vm.method,
                vm.targets, vm.seed, vm.duration, vm.leak, vm.taught})
            p.addListener(changed);
    }

    /** A preset is being loaded (before its values are set): the next step is its load. */
    void presetLoaded(PresetLibrary.Entry e) {
        if (restoring) return;
        if (!pending) { pending = true; later.execute(this::commit); }
        preset = e;
    }

    ReadOnlyBooleanProperty canUndo() { return canUndo; }
    ReadOnlyBooleanProperty canRedo() { return canRedo; }

    /** Go back one step; false when there is none. */
    boolean undo() { return move(undo, redo); }

    /** Go forward one undone step; false when there is none. */
    boolean redo() { return move(redo, undo); }

    private boolean move(Deque<State> from, Deque<State> to) {
        commit();
        if (from.isEmpty()) return false;
        to.push(current);
        State s = from.pop();
        restoring = true;
        try {
            if (s.preset() != preset) {
                preset = s.preset();
                select.accept(s.preset());
            }
            apply(s.params());
        } finally {
            restoring = false;
        }
        current = s;
        lastChange = Long.MIN_VALUE / 2;   // the next change is a step of its own
        update();
        return true;
    }

    private void apply(Params q) {
        vm.batch(() -> {
            vm.delta.set(q.delta());
            vm.logScale.set(Math.log10(q.tau()));
            vm.depth.set(q.depth());
            vm.width.set(q.width());
            vm.learningRate.set(q.learningRate());
            vm.method.set(q.method());
            vm.targets.set(q.targets());
            vm.seed.set(q.seed());
            vm.duration.set(q.duration());
            vm.leak.set(q.leak());
            vm.taught.set(q.taught());
        });
    }

    private void changed() {
        if (restoring || pending) return;
        pending = true;
        later.execute(this::commit);
    }

    /** Record the state after the event that changed it (once per event). */
    private void commit() {
        pending = false;
        if (restoring) return;
        State now = new State(preset, vm.params());
        if (current == null) { current = now; return; }
        if (now.preset() == current.preset() && now.params().equals(current.params())) return;
        long t = clock.getAsLong();
        boolean load = now.preset() != current.preset();
        boolean merge = !load && !lastWasLoad && t - lastChange < mergeMillis && !undo.isEmpty();
        if (!merge) {
            undo.push(current);
            while (undo.size() > MAX_STEPS) undo.removeLast();
        }
        current = now;
        lastChange = t;
        lastWasLoad = load;
        redo.clear();
        update();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
