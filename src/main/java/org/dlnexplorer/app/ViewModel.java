package org.dlnexplorer.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.Preset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The property bus: every control binds to a property here, the views observe it. Parameter properties
 * are recorded with their initial values (those of the loaded preset) so that {@link #resetAll()}
 * restores every one. FX thread only.
 */
public final class ViewModel {
    // parameters (bound to the controls; each change asks for a recomputation)
    public final DoubleProperty delta = new SimpleDoubleProperty(this, "delta", 0);
    /** log₁₀ τ (the τ slider is logarithmic) */
    public final DoubleProperty logScale = new SimpleDoubleProperty(this, "logScale", -2);
    public final IntegerProperty depth = new SimpleIntegerProperty(this, "depth", 2);
    public final IntegerProperty width = new SimpleIntegerProperty(this, "width", 2);
    public final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", org.dlnexplorer.preset.PresetDefaults.LEARNING_RATE);
    public final ObjectProperty<Method> method = new SimpleObjectProperty<>(this, "method", Method.GRADIENT_FLOW);
    public final ObjectProperty<double[]> targets = new SimpleObjectProperty<>(this, "targets", new double[0]);
    public final LongProperty seed = new SimpleLongProperty(this, "seed", 0);
    public final DoubleProperty duration = new SimpleDoubleProperty(this, "duration", 6);
    /** γ of a piecewise-linear network, σ(z) = max(z, γz) */
    public final DoubleProperty leak = new SimpleDoubleProperty(this, "leak", 0);
    /** the compare set (or its detachment), the target's basis and the inputs, as edited in the panel */
    public final ObjectProperty<Taught> taught = new SimpleObjectProperty<>(this, "taught", null);

    // playback and display
    public final DoubleProperty cursorT = new SimpleDoubleProperty(this, "cursorT", 6);
    public final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    /** time units per second of playback = speed × duration / 5 */
    public final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    public final BooleanProperty logTime = new SimpleBooleanProperty(this, "logTime", false);
    /** the loss view's vertical axis on a log scale (preset "view": {"logLoss": true}) */
    public final BooleanProperty logLoss = new SimpleBooleanProperty(this, "logLoss", false);
    /** the views on screen, in registry order (the preset's view.panels; the View menu changes it) */
    public final ObjectProperty<List<ViewId>> panels = new SimpleObjectProperty<>(this, "panels", ViewId.defaults(null));

    // results and status (set from service snapshots)
    public final ObjectProperty<RunSet> runSet = new SimpleObjectProperty<>(this, "runSet");
    /** the parameters the shown run set was computed from */
    public final ObjectProperty<Params> shownParams = new SimpleObjectProperty<>(this, "shownParams");
    public final BooleanProperty complete = new SimpleBooleanProperty(this, "complete", false);
    public final LongProperty recomputeMillis = new SimpleLongProperty(this, "recomputeMillis", -1);
    /** the status bar's message: results of saves and exports, and problems (see severity) */
    public final StringProperty error = new SimpleStringProperty(this, "error", "");
    public final ObjectProperty<Severity> severity = new SimpleObjectProperty<>(this, "severity", Severity.INFO);
    public final StringProperty inputMessage = new SimpleStringProperty(this, "inputMessage", "");
    /** why the last preset file opened was refused, whole (shown beside Open…), or "" */
    public final StringProperty presetMessage = new SimpleStringProperty(this, "presetMessage", "");
    public final ObjectProperty<Preset> basePreset = new SimpleObjectProperty<>(this, "basePreset");
    public final StringProperty presetSource = new SimpleStringProperty(this, "presetSource", "");

    private final Map<Property<?>, Object> initial = new LinkedHashMap<>();

    /** The controls' current values as one immutable request. */
    public Params params() {
        return new Params(delta.get(), Math.pow(10, logScale.get()), depth.get(), width.get(), learningRate.get(),
                method.get(), targets.get(), seed.get(), duration.get(), leak.get(), taught.get());
    }

    /** Load a preset: its values become the parameters and the initial values for reset-all. */
    public void load(Preset p, String source) {
        Params q = Params.of(p);
        initial.clear();
        initial.put(delta, q.delta());
        initial.put(logScale, Math.log10(q.tau()));
        initial.put(depth, q.depth());
        initial.put(width, q.width());
        initial.put(learningRate, q.learningRate());
        initial.put(method, q.method());
        initial.put(targets, q.targets());
        initial.put(seed, q.seed());
        initial.put(duration, q.duration());
        initial.put(leak, q.leak());
        initial.put(taught, q.taught());
        initial.put(cursorT, q.duration());
        initial.put(playing, false);
        initial.put(speed, 1.0);
        initial.put(logTime, p.view != null && p.view.has("logTime") && p.view.get("logTime").getAsBoolean());
        initial.put(logLoss, p.view != null && p.view.has("logLoss") && p.view.get("logLoss").getAsBoolean());
        initial.put(panels, ViewId.panelsOrAll(p));
        initial.put(inputMessage, "");
        batch(() -> {
            presetSource.set(source);
            basePreset.set(p);
            resetAll();
        });
    }

    /** Restore every parameter and display property to its initial value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void resetAll() {
        batch(() -> {
            for (Map.Entry<Property<?>, Object> e : initial.entrySet()) {
                Object v = e.getValue();
                if (v instanceof double[] a) v = a.clone();
                ((Property) e.getKey()).setValue(v);
            }
        });
    }

    private int batch;

    /** Run changes to several properties as one (see {@link #inBatch()}); nests. */
    public void batch(Runnable changes) {
        batch++;
        try {
            changes.run();
        } finally {
            batch--;
        }
    }

    /**
     * True while load or reset-all sets several properties in a row: listeners should treat the changes
     * as one (e.g. recompute once, after the event) rather than act on the first of them.
     */
    public boolean inBatch() { return batch > 0; }

    /** Show a message in the status bar (its severity first, so that the bar styles the new text). */
    public void report(Severity s, String message) {
        severity.set(s);
        error.set(message);
    }

    public double tau() { return Math.pow(10, logScale.get()); }
}
