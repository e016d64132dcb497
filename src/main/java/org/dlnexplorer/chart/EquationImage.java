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
        TeXFormula formula;
        // lines broken with \\ are stacked, left aligned
        String lines = tex.contains("\\\\") && !tex.startsWith("\\begin{array}") ? "\\begin{array}{l}" + tex + "\\end{array}" : tex;
        try {
            formula = new TeXFormula(lines);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot typeset \"" + tex + "\": " + e.getMessage(), e);
        }
        float s = size;
        TeXIcon icon = icon(formula, s, maxWidth, scale);
        while (icon.getIconWidth() > maxWidth * scale && s > MIN_SIZE) {   // unbreakable: smaller type
            s = Math.max(MIN_SIZE, s - 1);
            icon = icon(formula, s, maxWidth, scale);
        }
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

    private static TeXIcon icon(TeXFormula formula, float size, int maxWidth, double scale) {
        TeXIcon icon = formula.new TeXIconBuilder().setStyle(TeXConstants.STYLE_DISPLAY).setSize((float) (size * scale))
                .setWidth(TeXConstants.UNIT_PIXEL, (float) (maxWidth * scale), TeXConstants.ALIGN_LEFT)
                .setIsMaxWidth(true).setInterLineSpacing(TeXConstants.UNIT_PIXEL, (float) (4 * scale)).build();
        icon.setInsets(new Insets(2, 2, 2, 2));
        return icon;
    }
}
