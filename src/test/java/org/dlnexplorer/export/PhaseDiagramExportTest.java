package org.dlnexplorer.export;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.PhaseDiagramStyle;
import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.sweep.Axis;
import org.dlnexplorer.model.sweep.SweepSettings;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetIo;
import org.jfree.chart.ui.Drawable;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class PhaseDiagramExportTest {
    @Test
    void sweepsThePresetAndRendersItsMap() throws Exception {
        Preset p = PresetIo.read(Path.of(getClass().getResource("/sweep/aligned.json").toURI()));
        Drawable d = PhaseDiagramExport.render(p, "aligned.json", Axis.parse("init.scale=0.05:1:3:log"),
                Axis.parse("init.delta=-1:1:3"), SweepSettings.DEFAULT.withSamples(20), PhaseDiagramStyle.defaults(),
                ChartStyle.slide(), new CancellationToken());
        SVGGraphics2D g2 = new SVGGraphics2D(1600, 1000);
        d.draw(g2, new Rectangle(0, 0, 1600, 1000));
        String svg = g2.getSVGDocument();
        assertTrue(svg.contains("Regime phase diagram"));
        assertTrue(svg.contains(p.name), "the preset names the map");
        assertFalse(svg.contains("NaN"));
    }

    @Test
    void anUnknownFieldNamesIt() throws Exception {
        Preset p = PresetIo.read(Path.of(getClass().getResource("/sweep/aligned.json").toURI()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhaseDiagramExport.render(p,
                "aligned.json", Axis.parse("init.nope=1:2:2"), Axis.parse("init.delta=-1:1:3"), SweepSettings.DEFAULT,
                PhaseDiagramStyle.defaults(), ChartStyle.slide(), new CancellationToken()));
        assertTrue(e.getMessage().contains("init.nope"));
    }
}
