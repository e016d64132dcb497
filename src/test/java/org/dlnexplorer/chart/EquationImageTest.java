package org.dlnexplorer.chart;

import org.dlnexplorer.model.theory.Overlays;
import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.PresetCompiler;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** #16 item 4: every governing equation the presets show typesets (TeX parses, ink inside the width). */
class EquationImageTest {
    static { System.setProperty("java.awt.headless", "true"); }

    private static int inkPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) >>> 24) > 128) n++;
        return n;
    }

    @Test
    void everyBundledPresetsEquationTypesetsWithinTheBox() throws Exception {
        Set<String> tex = new LinkedHashSet<>();
        tex.add(Overlays.FLOW_TEX);
        tex.add(Overlays.DESCENT_TEX);
        for (BundledPresets.Entry e : BundledPresets.load().entries())
            for (var m : PresetCompiler.compileSet(e.preset(), e.file())) tex.add(Overlays.governing(m.spec()).tex());
        assertTrue(tex.size() >= 5, "equations: " + tex);
        String dump = System.getProperty("dln.equation.dump");
        int i = 0;
        for (String t : tex) {
            assertFalse(t.startsWith("\\text{"), "every equation has its TeX: " + t);
            BufferedImage img = EquationImage.render(t, 15f, 290, 2);
            assertTrue(img.getWidth() <= 290 * 2, t + ": " + img.getWidth() + " px wide");
            assertTrue(img.getHeight() > 20, t);
            assertTrue(inkPixels(img) > 200, "drawn: " + t);
            if (dump != null) ImageIO.write(img, "png", Files.newOutputStream(Path.of(dump, "eq" + (i++) + ".png")));
        }
    }
}
