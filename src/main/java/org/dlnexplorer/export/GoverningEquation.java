package org.dlnexplorer.export;

import org.dlnexplorer.model.theory.Overlays;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The governing equation a preset's runs follow, as text and as TeX: for each member of its compare set the
 * equation of the overlay that applies to its compiled numbers ({@link Overlays#governing}). The app's
 * equation box and the lecture deck's pages show the same one.
 */
public record GoverningEquation(String text, String tex) {

    /**
     * The equation(s) of every run of the preset's set: one when they agree, else one line per distinct
     * equation labelled with its members; a preset that does not compile shows the general gradient flow.
     */
    public static GoverningEquation of(Preset p) {
        Map<Overlays.Governing, List<String>> groups = new LinkedHashMap<>();
        try {
            for (var m : PresetCompiler.compileSet(p, p.name == null ? "preset" : p.name))
                groups.computeIfAbsent(Overlays.governing(m.spec()), k -> new ArrayList<>()).add(m.label());
        } catch (Exception e) {
            return new GoverningEquation(Overlays.FLOW_EQUATION, Overlays.FLOW_TEX);
        }
        if (groups.size() == 1) {
            Overlays.Governing g = groups.keySet().iterator().next();
            return new GoverningEquation(g.text(), g.tex());
        }
        StringBuilder text = new StringBuilder(), tex = new StringBuilder("\\begin{array}{l}");
        boolean first = true;
        for (var e : groups.entrySet()) {
            String who = String.join(", ", e.getValue());
            if (!first) { text.append(";  "); tex.append(" \\\\ "); }
            first = false;
            text.append(who).append(": ").append(e.getKey().text());
            tex.append("\\text{").append(who).append(":} \\\\ \\quad ").append(e.getKey().tex());
        }
        return new GoverningEquation(text.toString(), tex.append("\\end{array}").toString());
    }
}
