package org.dlnexplorer.model.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class AxisTest {
    @Test
    void parsesLogAxisWithExactEndsAndGeometricSpacing() {
        Axis a = Axis.parse("init.scale=0.01:10:41:log");
        assertEquals("init.scale", a.field());
        assertTrue(a.log());
        assertEquals(41, a.n());
        assertEquals(0.01, a.value(0));
        assertEquals(10.0, a.value(40));
        // 41 points over three decades: ratio 10^(3/40) between neighbours, √10·0.1 in the middle
        for (int i = 1; i < 41; i++) assertEquals(Math.pow(10, 3.0 / 40), a.value(i) / a.value(i - 1), 1e-12);
        assertEquals(Math.sqrt(10) * 0.1, a.value(20), 1e-14);
    }

    @Test
    void parsesLinearAxis() {
        Axis a = Axis.parse(" init.delta = -4:4:41 ");
        assertEquals("init.delta", a.field());
        assertFalse(a.log());
        assertEquals(-4.0, a.value(0));
        assertEquals(0.0, a.value(20), 1e-15);
        assertEquals(4.0, a.value(40));
        assertEquals(0.2, a.value(21), 1e-12);
        assertEquals(a, Axis.parse("init.delta=-4:4:41:lin"));
        assertEquals("init.delta=-4:4:41", a.toString());
    }

    @Test
    void acceptsArrayPathsAndSinglePoints() {
        Axis a = Axis.parse("task.target.singularValues[1]=2:2:1");
        assertEquals(1, a.n());
        assertEquals(2.0, a.value(0));
        assertEquals(0, a.indexOf(2.0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "init.scale0.01:10:41 | expected FIELD=FROM:TO:N",
            "init.scale=0.01:10 | expected FIELD=FROM:TO:N",
            "init.scale=abc:10:41 | FROM must be a number",
            "init.scale=0.01:x:41 | TO must be a number",
            "init.scale=0.01:10:4.5 | N must be a whole number",
            "init.scale=0.01:10:0 | N must be between 1 and",
            "init.scale=0:10:41:log | log axis needs FROM > 0",
            "init.scale=0.01:10:41:cubic | scale must be log or lin",
            "init.scale=1:1:5 | FROM equals TO",
            "=1:2:3 | expected FIELD=FROM:TO:N",
            "init..scale=1:2:3 | is not a field path",
            "init.scale=NaN:2:3 | FROM must be finite"})
    void rejectsBadSpecsWithOneLineNamingTheSpec(String spec, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Axis.parse(spec));
        assertTrue(e.getMessage().contains("\"" + spec + "\""), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void edgesBracketEveryValueAndIndexOfFindsTheNearest() {
        for (Axis a : new Axis[] {Axis.parse("x=0.01:10:7:log"), Axis.parse("y=-4:4:9"), Axis.parse("z=5:1:3")}) {
            double[] e = a.edges();
            assertEquals(a.n() + 1, e.length);
            for (int i = 0; i < a.n(); i++) {
                double lo = Math.min(e[i], e[i + 1]), hi = Math.max(e[i], e[i + 1]);
                assertTrue(lo < a.value(i) && a.value(i) < hi, a + " cell " + i);
                assertEquals(i, a.indexOf(a.value(i)));
            }
            assertEquals(-1, a.indexOf(Math.max(e[0], e[a.n()]) * 2 + 1));
        }
        Axis log = Axis.parse("x=0.01:10:4:log"); // 0.01, 0.1, 1, 10 — geometric midpoints
        assertEquals(Math.sqrt(0.1), log.edges()[2], 1e-12);
        assertEquals(1, log.indexOf(0.3));   // nearer 0.1 than 1 in log distance
        assertEquals(2, log.indexOf(0.4));
    }
}
