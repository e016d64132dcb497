package org.dlnexplorer.app;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dlnexplorer.chart.Fmt;

import java.util.Arrays;

/**
 * The controls' text fields that are not sliders: the seed and the target singular values. A commit
 * parses the text; a valid value goes to the view-model, an invalid one is refused with a message beside
 * the field (and in the controls' message line) and the previous value stays. No JavaFX nodes: testable
 * without a window.
 */
final class ControlsModel {
    /** the message beside the seed field ("" when the last commit was valid) */
    final StringProperty seedMessage = new SimpleStringProperty(this, "seedMessage", "");
    /** the message beside the targets field */
    final StringProperty targetsMessage = new SimpleStringProperty(this, "targetsMessage", "");

    private final ViewModel vm;

    ControlsModel(ViewModel vm) {
        this.vm = vm;
        // a cleared message line (a valid entry elsewhere, a preset load, reset-all) clears the fields' too
        vm.inputMessage.addListener((o, was, now) -> {
            if (now == null || now.isEmpty()) {
                seedMessage.set("");
                targetsMessage.set("");
            }
        });
    }

    /**
     * Why the loaded preset refuses this value of a field (e.g. δ = 1 with the residual scheme, which has no
     * δ), whole, or null when it takes it: the current controls with the field changed, compiled as a run
     * would be. A refused value must leave everything as it was.
     */
    String refusal(String path, double value) {
        org.dlnexplorer.preset.Preset base = vm.basePreset.get();
        if (base == null) return null;
        try {
            org.dlnexplorer.preset.Preset p = org.dlnexplorer.preset.PresetPaths.with(vm.params().applyTo(base), path, value);
            org.dlnexplorer.preset.PresetCompiler.compile(p, "");
            return null;
        } catch (org.dlnexplorer.preset.PresetException e) {
            return e.problem();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Take the seed field's text (a whole number ≥ 0); returns what the field should show now. */
    String commitSeed(String text) {
        String s = text.trim();
        try {
            long v = Long.parseLong(s);
            if (v < 0) throw new NumberFormatException();
            seedMessage.set("");
            if (v != vm.seed.get()) {
                vm.seed.set(v);
                vm.inputMessage.set("");
            }
        } catch (NumberFormatException e) {
            refuse(seedMessage, "seed: \"" + s + "\" is not a whole number ≥ 0; kept " + vm.seed.get());
        }
        return Long.toString(vm.seed.get());
    }

    /**
     * Take the targets field's text: as many values s_α as the preset has, each in [0, TARGET_MAX],
     * separated by commas, semicolons or spaces; returns what the field should show now.
     */
    String commitTargets(String text) {
        double[] old = vm.targets.get();
        if (text.trim().equals(formatList(old))) {   // the shown values (rounded to four digits), untouched: no change
            targetsMessage.set("");
            return formatList(old);
        }
        try {
            String[] parts = text.trim().split("[,;\\s]+");
            double[] v = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                v[i] = Double.parseDouble(parts[i].replace('−', '-'));
                if (!(v[i] >= 0) || v[i] > ControlRanges.TARGET_MAX) throw new NumberFormatException();
            }
            if (v.length != old.length) {
                refuse(targetsMessage, "targets: need " + old.length + " values (got " + v.length + "); kept previous");
            } else {
                targetsMessage.set("");
                if (!Arrays.equals(v, old)) {
                    vm.targets.set(v);
                    vm.inputMessage.set("");
                }
            }
        } catch (NumberFormatException e) {
            refuse(targetsMessage, "targets: \"" + text + "\" must be numbers between 0 and "
                    + Fmt.num(ControlRanges.TARGET_MAX) + "; kept previous");
        }
        return formatList(vm.targets.get());
    }

    private void refuse(StringProperty field, String message) {
        field.set(message);
        vm.inputMessage.set(message);
    }

    /** the targets as the field shows them: "3, 1" */
    static String formatList(double[] v) {
        if (v == null) return "";
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            if (b.length() > 0) b.append(", ");
            b.append(Fmt.num(x));
        }
        return b.toString();
    }
}
