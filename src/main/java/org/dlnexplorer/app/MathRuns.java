package org.dlnexplorer.app;

import java.util.ArrayList;
import java.util.List;

/**
 * A preset description's plain-text mathematics read as sub- and superscripts, so that no TeX markup shows:
 * {@code X_{ℓ+1}} and {@code X^{2−2/L}} (braced), {@code ‖β‖^((L+2)/(L+1))} (a parenthesised exponent, drawn
 * without its outer parentheses), {@code W_eff}, {@code s_α}, {@code e^x} (unbraced: the run of
 * letters and digits that follows). Everything else is normal text. Pure: no JavaFX.
 */
final class MathRuns {
    enum Kind { NORMAL, SUB, SUP }

    /** a piece of text drawn one way */
    record Run(String text, Kind kind) {}

    private MathRuns() {}

    /** the runs of one word (a word has no spaces) */
    static List<Run> of(String word) {
        List<Run> out = new ArrayList<>();
        StringBuilder normal = new StringBuilder();
        int i = 0, n = word.length();
        while (i < n) {
            char c = word.charAt(i);
            if ((c == '_' || c == '^') && i + 1 < n && i > 0) {
                Kind kind = c == '_' ? Kind.SUB : Kind.SUP;
                int start = i + 1, end;
                String script;
                if (word.charAt(start) == '{' || word.charAt(start) == '(') {
                    end = closing(word, start);
                    if (end < 0) { normal.append(c); i++; continue; }   // unbalanced: leave it as text
                    script = word.substring(start + 1, end);
                    end++;
                } else {
                    end = start;
                    while (end < n && Character.isLetterOrDigit(word.codePointAt(end))) end += Character.charCount(word.codePointAt(end));
                    if (end == start) { normal.append(c); i++; continue; }
                    script = word.substring(start, end);
                }
                if (normal.length() > 0) { out.add(new Run(normal.toString(), Kind.NORMAL)); normal.setLength(0); }
                out.add(new Run(script, kind));
                i = end;
                continue;
            }
            normal.append(c);
            i++;
        }
        if (normal.length() > 0) out.add(new Run(normal.toString(), Kind.NORMAL));
        return out;
    }

    /** the text as read (markup removed): what the runs say, in order */
    static String plain(String text) {
        StringBuilder sb = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            if (sb.length() > 0) sb.append(' ');
            for (Run r : of(word)) sb.append(r.text());
        }
        return sb.toString();
    }

    /** index of the brace or parenthesis closing the one at open, or −1 */
    private static int closing(String s, int open) {
        char o = s.charAt(open), c = o == '{' ? '}' : ')';
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == o) depth++;
            else if (s.charAt(i) == c && --depth == 0) return i;
        }
        return -1;
    }
}
