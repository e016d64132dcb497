package org.dlnexplorer.model.sweep;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SweepCsvTest {
    @Test
    void writesHeaderAndRowsWithEmptyFieldsForMissingValues() {
        Axis x = Axis.parse("init.scale=0.1:1:2:log"), y = Axis.parse("init.delta=0:1:2");
        CellPrediction none = CellPrediction.unavailable("no theory");
        CellPrediction some = new CellPrediction(true, "lambda-balanced-aligned", null, 0.25, Double.NaN, 1.5, 0.5);
        CellResult ok = new CellResult(0, 0, 0.1, 0, CellStatus.OK, 0.125, Double.NaN, 2.0, 0.5, Double.NaN, -1, null, some, 10);
        CellResult inf = new CellResult(1, 0, 1, 0, CellStatus.OK, Double.POSITIVE_INFINITY, 3.0, 2.0, 0.5, 7.0, -1, null, none, 10);
        CellResult div = new CellResult(0, 1, 0.1, 1, CellStatus.DIVERGED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 12, null, none, 12);
        SweepResult r = SweepResult.of("t", x, y, List.of(div, inf, ok)); // cell (1,1) missing
        String[] lines = SweepCsv.write(r).split("\n");
        assertEquals("init.scale,init.delta,kernel_distance,time_to_fit,parameter_distance,relative_parameter_distance,"
                + "final_sharpness,diverged,status,theory_kernel_distance,theory_time_to_fit,theory_kernel_distance_limit"
                + ",fitted,message,test_loss,hamming,final_loss,converged", lines[0]);   // columns are only ever appended: the first twelve stay
        assertEquals(4, lines.length);
        assertEquals("0.1,0,0.125,,2,0.5,,false,ok,0.25,,0.5,true,,,,,true", lines[1]);
        assertEquals("1,0,,3,2,0.5,7,false,ok,,,,true,,,,,true", lines[2]);
        assertEquals("0.1,1,,,,,,true,diverged,,,,,,,,,", lines[3]);
        for (String l : lines) assertEquals(18, l.split(",", -1).length, l);
    }

    @Test
    void failedCellsCarryTheirReasonAndUnconvergedCellsSayNotFitted() {
        Axis x = Axis.parse("init.scale=0.1:1:2:log"), y = Axis.parse("init.delta=0:1:1");
        CellPrediction none = CellPrediction.unavailable("no theory");
        CellResult failed = CellResult.failed(0, 0, 0.1, 0, "init.delta: the residual scheme has no relative scale (omit it, or use 0) \"x\"");
        CellResult slow = new CellResult(1, 0, 1, 0, CellStatus.OK, 0.001, Double.NaN, 2.0, 0.5, Double.NaN, -1, null, none, 10, false);
        String[] lines = SweepCsv.write(SweepResult.of("t", x, y, List.of(failed, slow))).split("\n");
        assertEquals("0.1,0,,,,,,false,failed,,,,,\"init.delta: the residual scheme has no relative scale (omit it, "
                + "or use 0) \"\"x\"\"\",,,,", lines[1]);
        assertEquals("1,0,0.001,,2,0.5,,false,ok,,,,false,,,,,false", lines[2]);
        assertEquals(18, SweepCsv.fields(lines[1]).length, "the quoted message is one field");
        assertEquals(lines[1].substring(lines[1].indexOf('"'), lines[1].lastIndexOf('"') + 1), SweepCsv.fields(lines[1])[13]);
        assertTrue(slow.notFitted());
        assertTrue(Double.isNaN(slow.shown(Metric.KERNEL_DISTANCE)), "a not-fitted cell has no regime colour");
        assertEquals(2.0, slow.metric(Metric.PARAMETER_DISTANCE), 0.0, "the CSV keeps the value itself");
    }

    @Test
    void aPiecewiseCellWritesItsTestLossHammingAndNotFitted() {
        CellPrediction none = CellPrediction.unavailable("linear networks only");
        CellResult c = new CellResult(2, 3, 0.5, -1, CellStatus.OK, 0.25, Double.NaN, 1.5, 0.75, Double.NaN, -1,
                null, none, 42, false, 0.125, 0.0625);
        assertEquals("0.5,-1,0.25,,1.5,0.75,,false,ok,,,,false,,0.125,0.0625,,false", SweepCsv.row(c));
        assertTrue(c.notFitted());
    }
}
