package org.dlnexplorer.app;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import javafx.geometry.VPos;

import java.util.ArrayList;
import java.util.List;

/**
 * A preset description: words laid out in lines to the width it is given, each word's sub- and superscripts
 * ({@link MathRuns}) drawn small and shifted, never as TeX markup. It breaks lines itself, between words:
 * JavaFX's own wrapping cut lines at the right and repeated the cut word for text with characters like wᵀ,
 * β₀, ‖β*‖. Node id given by the caller; {@link #text()} is the description as given. FX thread.
 */
final class DescriptionText extends Region {
    /** sub- and superscripts at this fraction of the font size */
    static final double SCRIPT_SCALE = 0.72;
    /** baseline shifts, in font sizes: down for subscripts, up for superscripts */
    static final double SUB_SHIFT = 0.22, SUP_SHIFT = 0.38;
    /** baseline to baseline, and the first baseline below the top, in font sizes */
    private static final double LINE_SPACING = 1.45, FIRST_BASELINE = 1.15;
    /** below the last baseline: descent plus a subscript's shift, in font sizes */
    private static final double BELOW_LAST = 0.35 + SUB_SHIFT;

    private final Font font;
    private final Font small;
    private String text = "";
    /** one group of Text nodes per word, in order */
    private final List<List<Text>> words = new ArrayList<>();
    private final List<double[]> widths = new ArrayList<>();   // per word: each run's width

    DescriptionText(double size) {
        font = Font.font("SansSerif", size);
        small = Font.font("SansSerif", size * SCRIPT_SCALE);
        setMinWidth(0);
        setPrefWidth(0);
    }

    /** the description as given (markup included) */
    String text() { return text; }

    void setText(String s) {
        text = s == null ? "" : s;
        words.clear();
        widths.clear();
        getChildren().clear();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) continue;
            List<Text> group = new ArrayList<>();
            List<MathRuns.Run> runs = MathRuns.of(word);
            double[] w = new double[runs.size()];
            for (int i = 0; i < runs.size(); i++) {
                MathRuns.Run r = runs.get(i);
                Text t = new Text(r.text());
                t.setFont(r.kind() == MathRuns.Kind.NORMAL ? font : small);
                t.setFill(Color.web("#303030"));
                t.setTextOrigin(VPos.BASELINE);
                t.setBoundsType(TextBoundsType.LOGICAL);
                t.setUserData(r.kind());
                w[i] = t.getLayoutBounds().getWidth();
                group.add(t);
            }
            words.add(group);
            widths.add(w);
            getChildren().addAll(group);
        }
        requestLayout();
    }

    @Override public Orientation getContentBias() { return Orientation.HORIZONTAL; }

    private double space() { return font.getSize() * 0.3; }

    private double lineHeight() { return font.getSize() * LINE_SPACING; }

    private double wordWidth(int i) {
        double s = 0;
        for (double w : widths.get(i)) s += w;
        return s;
    }

    /** the number of lines at this inner width */
    private int lines(double width) {
        if (words.isEmpty()) return 0;
        int lines = 1;
        double x = 0;
        for (int i = 0; i < words.size(); i++) {
            double w = wordWidth(i);
            if (x > 0 && x + space() + w > width) { lines++; x = w; }
            else x += (x > 0 ? space() : 0) + w;
        }
        return lines;
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = (width < 0 ? 300 : width) - snappedLeftInset() - snappedRightInset();
        int n = lines(inner);
        if (n == 0) return snappedTopInset() + snappedBottomInset();
        return snappedTopInset() + snappedBottomInset()
                + font.getSize() * (FIRST_BASELINE + BELOW_LAST) + (n - 1) * lineHeight();
    }

    @Override protected double computeMinHeight(double width) { return computePrefHeight(width); }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset(), inner = getWidth() - left - snappedRightInset();
        double baseline = snappedTopInset() + font.getSize() * FIRST_BASELINE;
        double x = 0;
        for (int i = 0; i < words.size(); i++) {
            double w = wordWidth(i);
            if (x > 0 && x + space() + w > inner) { x = 0; baseline += lineHeight(); }
            else if (x > 0) x += space();
            double[] runW = widths.get(i);
            List<Text> group = words.get(i);
            double rx = x;
            for (int k = 0; k < group.size(); k++) {
                Text t = group.get(k);
                double shift = switch ((MathRuns.Kind) t.getUserData()) {
                    case SUB -> font.getSize() * SUB_SHIFT;
                    case SUP -> -font.getSize() * SUP_SHIFT;
                    case NORMAL -> 0;
                };
                t.relocate(0, 0);
                t.setLayoutX(left + rx);
                t.setLayoutY(baseline + shift);
                rx += runW[k];
            }
            x += w;
        }
    }

    /** the drawn pieces (tests: none past the right edge, none over another) */
    List<Node> pieces() { return List.copyOf(getChildren()); }
}
