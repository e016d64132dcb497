package org.dlnexplorer.app;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dlnexplorer.chart.Fmt;

import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetException;

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
    /** the message beside the compare set's fields */
    final StringProperty compareMessage = new SimpleStringProperty(this, "compareMessage", "");
    /** the message beside the inputs field */
    final StringProperty inputsMessage = new SimpleStringProperty(this, "inputsMessage", "");

    private final ViewModel vm;

    ControlsModel(ViewModel vm) {
        this.vm = vm;
        // a cleared message line (a valid entry elsewhere, a preset load, reset-all) clears the fields' too
        vm.inputMessage.addListener((o, was, now) -> {
            if (now == null || now.isEmpty()) {
                seedMessage.set("");
                targetsMessage.set("");
                compareMessage.set("");
                inputsMessage.set("");
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

    /**
     * Take the compare set's fields: a numeric field path and its values (commas, semicolons or spaces
     * between them), 1 to {@link ControlRanges#COMPARE_MAX} of them. The set is compiled as a run would be;
     * a refused set changes nothing. Both fields empty on a preset without a set: nothing to do. Returns
     * whether the set was taken (the fields then show it; refused, they show the previous one).
     */
    boolean commitCompare(String parameter, String valuesText) {
        Taught now = vm.taught.get();
        if (now == null) return false;
        String path = parameter == null ? "" : parameter.trim();
        String text = valuesText == null ? "" : valuesText.trim();
        if (path.isEmpty() && text.isEmpty() && !now.hasCompare()) { compareMessage.set(""); return true; }
        if (now.hasCompare() && path.equals(now.compareParameter()) && text.equals(formatList(now.compareValues()))) {
            compareMessage.set("");   // the shown set, untouched
            return true;
        }
        if (path.isEmpty()) return refuse(compareMessage, "compare: choose the parameter the runs differ in");
        double[] v;
        try {
            v = parseList(text);
        } catch (NumberFormatException e) {
            return refuse(compareMessage, "compare: \"" + text + "\" must be numbers (e.g. −2, 0, 2); kept previous");
        }
        if (v.length == 0 || v.length > ControlRanges.COMPARE_MAX)
            return refuse(compareMessage, "compare: give 1 to " + ControlRanges.COMPARE_MAX + " values (got " + v.length + "); kept previous");
        return take(compareMessage, now.withCompare(path, v));
    }

    /** Detach the compare set (one run, the controls' values) or restore it. */
    void setDetached(boolean on) {
        Taught now = vm.taught.get();
        if (now == null || !now.hasCompare() || now.detached() == on) return;
        take(compareMessage, now.withDetached(on));
    }

    /** Take the target's basis ("identity" or "random"). */
    void commitBasis(String basis) {
        Taught now = vm.taught.get();
        if (now == null || now.basis() == null || basis == null || basis.equals(now.basis())) return;
        take(targetsMessage, now.withBasis(basis));
    }

    /**
     * Take the inputs field: "whitened" (Σxx = I), n₀ diagonal entries of Σxx ("1, 0.25"), or its n₀ rows
     * separated by semicolons ("1 0.5; 0.5 1"). Shape, symmetry and positive semi-definiteness are checked as
     * a preset's are; a refused Σxx changes nothing. Returns whether it was taken.
     */
    boolean commitInputs(String text) {
        Taught now = vm.taught.get();
        Preset base = vm.basePreset.get();
        if (now == null || !Taught.hasInputs(base)) return false;
        String s = text == null ? "" : text.trim();
        if (s.equals(formatInputs(now.covariance()))) { inputsMessage.set(""); return true; }
        int n0 = base.network.widths[0];
        double[][] c;
        try {
            c = parseCovariance(s, n0);
        } catch (NumberFormatException e) {
            return refuse(inputsMessage, "inputs: \"" + s + "\" is not \"whitened\", " + n0 + " diagonal entries of Σxx or its "
                    + n0 + " rows separated by \";\"; kept previous");
        }
        return take(inputsMessage, now.withCovariance(c));
    }

    /** the controls with these taught edits, compiled whole; a refused one leaves everything as it was */
    private boolean take(StringProperty field, Taught edited) {
        Preset base = vm.basePreset.get();
        Params p = vm.params();
        Params q = new Params(p.delta(), p.tau(), p.depth(), p.width(), p.learningRate(), p.method(), p.targets(),
                p.seed(), p.duration(), p.leak(), edited);
        try {
            PresetCompiler.compileSet(q.applyTo(base), "");
        } catch (PresetException e) {
            return refuse(field, (e.field() == null || e.field().isEmpty() ? "" : e.field() + ": ") + e.problem() + "; kept previous");
        } catch (IllegalArgumentException e) {
            return refuse(field, e.getMessage() + "; kept previous");
        }
        field.set("");
        if (!edited.equals(vm.taught.get())) {
            vm.taught.set(edited);
            vm.inputMessage.set("");
        }
        return true;
    }

    private boolean refuse(StringProperty field, String message) {
        field.set(message);
        vm.inputMessage.set(message);
        return false;
    }

    /** numbers separated by commas, semicolons or spaces (− as minus) */
    static double[] parseList(String text) {
        String t = text.trim();
        if (t.isEmpty()) return new double[0];
        String[] parts = t.split("[,;\\s]+");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i].replace('−', '-'));
            if (!Double.isFinite(v[i])) throw new NumberFormatException();
        }
        return v;
    }

    /** Σxx from the inputs field (null: whitened); @throws NumberFormatException when it is none of the forms */
    static double[][] parseCovariance(String text, int n0) {
        String s = text.trim();
        if (s.equalsIgnoreCase(Taught.WHITENED)) return null;
        if (s.contains(";")) {
            String[] rows = s.split(";");
            if (rows.length != n0) throw new NumberFormatException();
            double[][] c = new double[n0][];
            for (int i = 0; i < n0; i++) {
                c[i] = parseList(rows[i].replace(',', ' '));
                if (c[i].length != n0) throw new NumberFormatException();
            }
            return c;
        }
        double[] d = parseList(s);
        if (d.length != n0) throw new NumberFormatException();
        double[][] c = new double[n0][n0];
        for (int i = 0; i < n0; i++) c[i][i] = d[i];
        return c;
    }

    /** Σxx as the inputs field shows it: "whitened", its diagonal "1, 0.25", or its rows "1 0.5; 0.5 1" */
    static String formatInputs(double[][] c) {
        if (c == null) return Taught.WHITENED;
        boolean diagonal = true;
        for (int i = 0; i < c.length; i++)
            for (int j = 0; j < c[i].length; j++) if (i != j && c[i][j] != 0) diagonal = false;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            if (diagonal) {
                if (i > 0) b.append(", ");
                b.append(Fmt.num(c[i][i]));
            } else {
                if (i > 0) b.append("; ");
                for (int j = 0; j < c[i].length; j++) b.append(j > 0 ? " " : "").append(Fmt.num(c[i][j]));
            }
        }
        return b.toString();
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
