package org.dlnexplorer.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;

/**
 * Draft quality for the pictures the app shows while a control is dragged (the full picture follows on
 * release): lines without antialiasing, simplified to {@link #TOLERANCE_PX} instead of
 * {@link PathSimplifier#TOLERANCE_PX}, and the hyperboloid views' surfaces with fewer wires. Text stays
 * antialiased (it does not move while dragging, so a change of its look would flicker). Asked for by a
 * rendering hint that only the app's painter sets; absent (every export, every released picture) the
 * charts draw exactly as they always did.
 */
public final class Draft {
    /** the most a dropped vertex may lie off the drawn line in a draft, in device pixels */
    public static final double TOLERANCE_PX = 1.0;

    /** the hint ({@link #ON}: paint a draft; absent: full quality) */
    public static final RenderingHints.Key HINT = new RenderingHints.Key(0x0d1f) {
        @Override
        public boolean isCompatibleValue(Object v) { return v == ON || v == null; }
    };
    public static final Object ON = "draft quality while dragging";

    private Draft() {}

    /** true when g asks for a draft */
    public static boolean wanted(Graphics2D g) { return g.getRenderingHint(HINT) == ON; }

    /** Shapes and text antialiased as the charts draw them; shapes not antialiased in a draft. */
    public static void antialias(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                wanted(g) ? RenderingHints.VALUE_ANTIALIAS_OFF : RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }
}
