package org.dlnexplorer.chart;

import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A governing equation typeset from TeX (JLaTeXMath) into an image: lines broken at relations and
 * operators to fit a width, else scaled down to it. AWT only.
 */
public final class EquationImage {
    /** the smallest type the equation is scaled down to when it does not fit (px) */
    static final float MIN_SIZE = 9f;

    private EquationImage() {}

    /**
     * The equation at size px (scale: device pixels per px, e.g. 2 for a sharp picture on screen), at most
     * maxWidth px wide.
     *
     * @throws IllegalArgumentException when the TeX does not parse
     */
    public static BufferedImage render(String tex, float size, int maxWidth, double scale) {
        TeXIcon icon = fitted(formula(tex), size, maxWidth, scale);
        BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.setForeground(Color.BLACK);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return img;
    }

    /** @throws IllegalArgumentException when the TeX does not parse (lines broken with a TeX line break are stacked, left aligned) */
    private static TeXFormula formula(String tex) {
        String lines = tex.contains("\\\\") && !tex.startsWith("\\begin{array}") ? "\\begin{array}{l}" + tex + "\\end{array}" : tex;
        try {
            return new TeXFormula(lines);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot typeset \"" + tex + "\": " + e.getMessage(), e);
        }
    }

    /** the icon at size, broken to maxWidth, in smaller type when it cannot be broken to fit */
    private static TeXIcon fitted(TeXFormula formula, float size, int maxWidth, double scale) {
        float s = size;
        TeXIcon icon = icon(formula, s, maxWidth, scale);
        while (icon.getIconWidth() > maxWidth * scale && s > MIN_SIZE) {
            s = Math.max(MIN_SIZE, s - 1);
            icon = icon(formula, s, maxWidth, scale);
        }
        return icon;
    }

    /**
     * Draws the equation into g (vector output stays vector: SVG, PDF) with its top-left corner at (x, y), at
     * size px broken or scaled to at most maxWidth; returns the height drawn (0 when the TeX does not parse).
     */
    public static double draw(Graphics2D g, String tex, float size, double x, double y, double maxWidth) {
        TeXIcon icon;
        try {
            icon = fitted(formula(tex), size, (int) maxWidth, 1);
        } catch (IllegalArgumentException e) {
            return 0;
        }
        icon.setForeground(Color.BLACK);
        Graphics2D c = (Graphics2D) g.create();
        try {
            // SVG: the TeX fonts are not on the reader's machine, so their glyphs go in as outlines
            c.setRenderingHint(org.jfree.svg.SVGHints.KEY_DRAW_STRING_TYPE, org.jfree.svg.SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
            c.translate(x, y);
            icon.paintIcon(null, c, 0, 0);
        } finally {
            c.dispose();
        }
        return icon.getIconHeight();
    }

    private static TeXIcon icon(TeXFormula formula, float size, int maxWidth, double scale) {
        TeXIcon icon = formula.new TeXIconBuilder().setStyle(TeXConstants.STYLE_DISPLAY).setSize((float) (size * scale))
                .setWidth(TeXConstants.UNIT_PIXEL, (float) (maxWidth * scale), TeXConstants.ALIGN_LEFT)
                .setIsMaxWidth(true).setInterLineSpacing(TeXConstants.UNIT_PIXEL, (float) (4 * scale)).build();
        icon.setInsets(new Insets(2, 2, 2, 2));
        return icon;
    }
}
