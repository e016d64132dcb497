package org.dlnexplorer.chart;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.awt.BasicStroke;
import java.awt.FontMetrics;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A Graphics2D that draws (into a PDF page, thrown away) and remembers where every string went, in device space, with its text:
 * what a label-overlap test compares. Also the thick lines drawn (curves), with their stroke.
 */
final class TextBoxes extends PdfBoxGraphics2D {
    record Box(String text, Rectangle2D bounds) {}

    final List<Box> texts = new ArrayList<>();
    final List<Shape> curves = new ArrayList<>();
    /** the clip (device space) each curve was drawn under: a curve is only seen inside it */
    final List<Rectangle2D> curveClips = new ArrayList<>();
    /** lines at least this wide (px) count as curves (grid lines, frames and dotted levels are thinner) */
    private final float curveWidth;

    TextBoxes(PDDocument doc, double w, double h, float curveWidth) throws java.io.IOException {
        super(doc, (float) w, (float) h);
        this.curveWidth = curveWidth;
    }

    /** nesting of text calls: the Graphics2D draws a string through its other text methods, recorded once */
    private int depth;

    @Override
    public void drawString(String s, float x, float y) {
        if (depth == 0) record(s, x, y);
        depth++;
        try { super.drawString(s, x, y); } finally { depth--; }
    }

    @Override
    public void drawString(String s, int x, int y) {
        if (depth == 0) record(s, x, y);
        depth++;
        try { super.drawString(s, x, y); } finally { depth--; }
    }

    @Override
    public void drawString(java.text.AttributedCharacterIterator it, float x, float y) {
        StringBuilder sb = new StringBuilder();
        for (char c = it.first(); c != java.text.CharacterIterator.DONE; c = it.next()) sb.append(c);
        it.first();
        java.awt.font.TextLayout layout = new java.awt.font.TextLayout(it, getFontRenderContext());
        Rectangle2D local = new Rectangle2D.Double(x, y - layout.getAscent() * 0.8, layout.getAdvance(),
                layout.getAscent() * 0.8 + layout.getDescent() * 0.5);
        if (depth == 0) texts.add(new Box(sb.toString(), getTransform().createTransformedShape(local).getBounds2D()));
        depth++;
        try { super.drawString(it, x, y); } finally { depth--; }
    }

    @Override
    public void drawGlyphVector(java.awt.font.GlyphVector gv, float x, float y) {
        Rectangle2D b = gv.getLogicalBounds();
        Rectangle2D local = new Rectangle2D.Double(x + b.getX(), y + b.getY() * 0.8, b.getWidth(), b.getHeight() * 0.7);
        if (depth == 0) texts.add(new Box("glyphs", getTransform().createTransformedShape(local).getBounds2D()));
        depth++;
        try { super.drawGlyphVector(gv, x, y); } finally { depth--; }
    }

    private void record(String s, float x, float y) {
        if (s == null || s.isBlank()) return;
        FontMetrics fm = getFontMetrics();
        Rectangle2D local = new Rectangle2D.Double(x, y - fm.getAscent() * 0.8, fm.stringWidth(s), fm.getAscent() * 0.8 + fm.getDescent() * 0.5);
        AffineTransform t = getTransform();
        texts.add(new Box(s, t.createTransformedShape(local).getBounds2D()));
    }

    @Override
    public void draw(Shape s) {
        if (getStroke() instanceof BasicStroke b && b.getLineWidth() >= curveWidth && b.getDashArray() == null) {
            curves.add(getTransform().createTransformedShape(b.createStrokedShape(s)));
            Shape clip = getClip();
            curveClips.add(clip == null ? null : getTransform().createTransformedShape(clip).getBounds2D());
        }
        super.draw(s);
    }

    /** pairs of texts that overlap by more than tolerance px in both directions */
    List<String> overlaps(double tolerance) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++)
            for (int j = i + 1; j < texts.size(); j++) {
                Rectangle2D a = texts.get(i).bounds(), b = texts.get(j).bounds();
                double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                if (w > tolerance && h > tolerance) out.add("\"" + texts.get(i).text() + "\" over \"" + texts.get(j).text() + "\"");
            }
        return out;
    }

    /** texts whose box (shrunk by inset px each side) meets a curve drawn before or after it */
    List<String> overCurves(double inset) {
        List<String> out = new ArrayList<>();
        for (Box t : texts) {
            Rectangle2D r = t.bounds();
            if (r.getWidth() <= 2 * inset || r.getHeight() <= 2 * inset) continue;
            Rectangle2D in = new Rectangle2D.Double(r.getX() + inset, r.getY() + inset, r.getWidth() - 2 * inset, r.getHeight() - 2 * inset);
            for (int k = 0; k < curves.size(); k++) {
                Shape c = curves.get(k);
                Rectangle2D clip = curveClips.get(k);
                Rectangle2D seen = clip == null ? in : clip.createIntersection(in);
                if (seen.isEmpty()) continue;
                if (c.getBounds2D().intersects(seen) && c.intersects(seen)) {
                    out.add("\"" + t.text() + "\" over a curve");
                    break;
                }
            }
        }
        return out;
    }
}
