package org.dlnexplorer.model.sweep;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ContoursTest {
    @Test
    void linearFieldGivesAStraightLineAtTheInterpolatedPosition() {
        double[][] v = new double[3][4];
        for (int iy = 0; iy < 3; iy++) for (int ix = 0; ix < 4; ix++) v[iy][ix] = ix + 0.0 * iy; // v = ix
        List<Contours.Segment> segs = Contours.of(v, 1.25);
        assertEquals(2, segs.size()); // one per row of squares
        for (Contours.Segment s : segs) {
            assertEquals(1.25, s.x1(), 1e-15);
            assertEquals(1.25, s.x2(), 1e-15);
            assertEquals(1.0, Math.abs(s.y2() - s.y1()), 1e-15);
        }
    }

    @Test
    void missingCornersAreNeverCrossed() {
        double[][] v = {{0, 1, 2}, {0, Double.NaN, 2}, {0, 1, 2}};
        assertTrue(Contours.of(v, 0.5).isEmpty()); // every square touches the NaN centre
    }

    @Test
    void saddleSquaresGiveTwoSegmentsAndClosedLoopsClose() {
        double[][] saddle = {{1, 0}, {0, 1}};
        assertEquals(2, Contours.of(saddle, 0.5).size());
        double[][] bump = {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}};
        List<Contours.Segment> ring = Contours.of(bump, 0.5);
        assertEquals(4, ring.size());
        // every end point is shared by exactly two segments: a closed diamond around the centre
        for (Contours.Segment s : ring) {
            assertEquals(2, ring.stream().filter(o -> touches(o, s.x1(), s.y1())).count());
            assertEquals(0.5, Math.abs(s.x1() - 1) + Math.abs(s.y1() - 1), 1e-15);
        }
    }

    private static boolean touches(Contours.Segment s, double x, double y) {
        return (s.x1() == x && s.y1() == y) || (s.x2() == x && s.y2() == y);
    }

    @Test
    void axisValueAtInterpolatesInTheAxisMetric() {
        Axis log = Axis.parse("x=0.01:10:4:log");
        assertEquals(Math.sqrt(0.1), log.valueAt(1.5), 1e-15);
        Axis lin = Axis.parse("y=-4:4:5");
        assertEquals(-1.0, lin.valueAt(1.5), 1e-15);
        assertEquals(4.0, lin.valueAt(4.0), 1e-15);
    }
}
