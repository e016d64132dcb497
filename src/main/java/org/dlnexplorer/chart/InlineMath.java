package org.dlnexplorer.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inline math in captions: text between single dollar signs is math, written in a small TeX-like notation
 * ({@code $\delta = 0$}, {@code $t^*_\alpha$}, {@code $W_\ell$}, {@code $\frac{2}{\eta}$}) and turned into Unicode
 * (δ = 0, t*α, Wₗ, 2/η) so that every text renderer (the app's captions, PDF text in DejaVu Sans) shows it;
 * math runs are drawn in italics. {@code \$} is a dollar sign. Pure string work.
 */
public final class InlineMath {
    private InlineMath() {}

    /** a piece of a caption: plain text, or math already turned into Unicode */
    public record Run(String text, boolean math) {}

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("Delta", "Δ"), Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("eta", "η"),
            Map.entry("theta", "θ"), Map.entry("lambda", "λ"), Map.entry("Lambda", "Λ"), Map.entry("mu", "μ"),
            Map.entry("pi", "π"), Map.entry("rho", "ρ"), Map.entry("sigma", "σ"), Map.entry("Sigma", "Σ"),
            Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("varphi", "φ"), Map.entry("omega", "ω"),
            Map.entry("ell", "ℓ"), Map.entry("cdot", "·"), Map.entry("cdots", "⋯"), Map.entry("ldots", "…"),
            Map.entry("times", "×"), Map.entry("approx", "≈"), Map.entry("sim", "∼"), Map.entry("to", "→"),
            Map.entry("rightarrow", "→"), Map.entry("infty", "∞"), Map.entry("le", "≤"), Map.entry("leq", "≤"),
            Map.entry("ge", "≥"), Map.entry("geq", "≥"), Map.entry("neq", "≠"), Map.entry("ne", "≠"), Map.entry("pm", "±"),
            Map.entry("sqrt", "√"), Map.entry("partial", "∂"), Map.entry("nabla", "∇"), Map.entry("sum", "Σ"),
            Map.entry("prod", "Π"), Map.entry("top", "ᵀ"), Map.entry("|", "‖"), Map.entry("propto", "∝"),
            Map.entry("ll", "≪"), Map.entry("gg", "≫"), Map.entry("in", "∈"), Map.entry("mathbb{R}", "ℝ"),
            Map.entry("langle", "⟨"), Map.entry("rangle", "⟩"), Map.entry("quad", " "), Map.entry(",", " "),
            Map.entry("ln", "ln"), Map.entry("log", "log"), Map.entry("exp", "exp"), Map.entry("tr", "tr"),
            Map.entry("min", "min"), Map.entry("max", "max"), Map.entry("$", "$"));
    /** combining accents over the previous character */
    private static final Map<String, String> ACCENTS = Map.of("dot", "\u0307", "hat", "\u0302", "bar", "\u0304", "tilde", "\u0303");
    static final String SUP_FROM = "0123456789+−=()niT*ᵀ", SUP_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀ*ᵀ";
    static final String SUB_FROM = "0123456789+−=()aehijklmnoprstuvxℓ", SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓₗ";

    /** The caption cut into plain and math runs (math turned into Unicode); empty pieces are left out. */
    public static List<Run> runs(String caption) {
        List<Run> out = new ArrayList<>();
        if (caption == null) return out;
        StringBuilder cur = new StringBuilder();
        boolean math = false;
        for (int i = 0; i < caption.length(); i++) {
            char c = caption.charAt(i);
            if (c == '\\' && i + 1 < caption.length() && caption.charAt(i + 1) == '$') {
                cur.append(math ? "\\$" : "$");
                i++;
            } else if (c == '$') {
                if (cur.length() > 0) out.add(new Run(math ? toUnicode(cur.toString()) : cur.toString(), math));
                cur.setLength(0);
                math = !math;
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) out.add(new Run(math ? toUnicode(cur.toString()) : cur.toString(), math));
        return out;
    }

    /** The caption as one plain string (math in Unicode). */
    public static String plain(String caption) {
        StringBuilder b = new StringBuilder();
        for (Run r : runs(caption)) b.append(r.text());
        return b.toString();
    }

    /** TeX-like math to Unicode: commands, ^ and _ (one character or a {group}), \frac{a}{b}, braces dropped. */
    static String toUnicode(String tex) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < tex.length()) {
            char c = tex.charAt(i);
            if (c == '\\') {
                int j = i + 1;
                if (j < tex.length() && !Character.isLetter(tex.charAt(j))) {
                    String sym = String.valueOf(tex.charAt(j));
                    out.append(SYMBOLS.getOrDefault(sym, sym));
                    i = j + 1;
                    continue;
                }
                while (j < tex.length() && Character.isLetter(tex.charAt(j))) j++;
                String name = tex.substring(i + 1, j);
                if (name.equals("dot") || name.equals("hat") || name.equals("bar") || name.equals("tilde")) {
                    String[] g = group(tex, j + (j < tex.length() && tex.charAt(j) == ' ' ? 1 : 0));
                    out.append(toUnicode(g[0])).append(ACCENTS.get(name));
                    i = Integer.parseInt(g[1]);
                    continue;
                }
                if (name.equals("frac")) {
                    String[] num = group(tex, j), den = group(tex, Integer.parseInt(num[1]));
                    if (num[0].equals("1") && den[0].equals("2")) out.append('½');
                    else out.append(wrap(toUnicode(num[0]))).append('/').append(wrap(toUnicode(den[0])));
                    i = Integer.parseInt(den[1]);
                    continue;
                }
                if (name.equals("mathbb") && tex.startsWith("{R}", j)) { out.append('ℝ'); i = j + 3; continue; }
                if (name.equals("mathrm") || name.equals("text") || name.equals("mathbf")) {
                    String[] g = group(tex, j);
                    out.append(g[0]);
                    i = Integer.parseInt(g[1]);
                    continue;
                }
                out.append(SYMBOLS.getOrDefault(name, name));
                i = j;
            } else if (c == '^' || c == '_') {
                String[] g = group(tex, i + 1);
                String inner = toUnicode(g[0]);
                out.append(c == '^' ? script(inner, SUP_FROM, SUP_TO, "^") : script(inner, SUB_FROM, SUB_TO, ""));
                i = Integer.parseInt(g[1]);
            } else if (c == '-') {
                out.append('−');   // the minus sign
                i++;
            } else if (c == '{' || c == '}') {
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** the {group} or the single character (or \command) at i, and where it ends */
    private static String[] group(String tex, int i) {
        if (i >= tex.length()) return new String[]{"", Integer.toString(i)};
        if (tex.charAt(i) == '{') {
            int depth = 0;
            for (int j = i; j < tex.length(); j++) {
                if (tex.charAt(j) == '{') depth++;
                else if (tex.charAt(j) == '}' && --depth == 0) return new String[]{tex.substring(i + 1, j), Integer.toString(j + 1)};
            }
            return new String[]{tex.substring(i + 1), Integer.toString(tex.length())};
        }
        if (tex.charAt(i) == '\\') {
            int j = i + 1;
            while (j < tex.length() && Character.isLetter(tex.charAt(j))) j++;
            if (j == i + 1) j = Math.min(tex.length(), j + 1);
            return new String[]{tex.substring(i, j), Integer.toString(j)};
        }
        return new String[]{tex.substring(i, i + 1), Integer.toString(i + 1)};
    }

    /**
     * each character as a super-/subscript when Unicode has one for all of them; otherwise the group after
     * the marker, in parentheses when longer than one character (e^(−2st))
     */
    private static String script(String s, String from, String to, String marker) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < s.length(); k++) {
            int at = from.indexOf(s.charAt(k));
            if (at < 0) {
                if (s.length() == 1 || (marker.isEmpty() && s.matches("[\\p{L}\\p{N}]+") && s.length() <= 1)) return marker + s;
                return (marker.isEmpty() ? "_" : marker) + (s.matches("[\\p{L}\\p{N}]+") ? s : "(" + s + ")");
            }
            b.append(to.charAt(at));
        }
        return b.toString();
    }

    private static String wrap(String s) { return s.length() > 1 && !s.matches("[\\p{L}\\p{N}]+") ? "(" + s + ")" : s; }
}
