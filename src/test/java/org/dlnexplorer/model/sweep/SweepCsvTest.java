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
                + "final_sharpness,diverged,status,theory_kernel_distance,theory_time_to_fit,theory_kernel_distance_limit,"
                + "test_loss,hamming", lines[0]);
        assertEquals(4, lines.length);
        assertEquals("0.1,0,0.125,,2,0.5,,false,ok,0.25,,0.5,,", lines[1]);
        assertEquals("1,0,,3,2,0.5,7,false,ok,,,,,", lines[2]);
        assertEquals("0.1,1,,,,,,true,diverged,,,,,", lines[3]);
        for (String l : lines) assertEquals(14, l.split(",", -1).length, l);
    }
}
