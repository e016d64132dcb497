package org.dlnexplorer.chart;

import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.Preset;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A preset without panels shows the default views with the ones its network cannot have last (the first
 * screen keeps the views that draw it); every default view stays in the window (SPEC §3's view ids), and a
 * compare set over the network keeps the registry's order.
 */
class DefaultViewOrderTest {
    private static final Set<ViewId> SHAPED = EnumSet.of(ViewId.HYPERBOLOID, ViewId.HYPERBOLOID_GEOMETRIES,
            ViewId.FUNCTION_SPACE, ViewId.NEURON_TEMPORAL);

    private static Preset preset(String name) throws Exception {
        return BundledPresets.readFileOrName(Path.of("presets/" + name + ".json"));
    }

    @Test
    void viewsTheNetworkCannotHaveComeLast() throws Exception {
        Preset p = preset("saxe-two-modes");   // widths [2, 2, 2]: no single neuron, two outputs
        List<ViewId> views = ViewId.defaults(p);
        assertEquals(EnumSet.copyOf(ViewId.defaults(null)), EnumSet.copyOf(views), "the same views, every id in the window");
        int firstShaped = views.size();
        for (int i = 0; i < views.size(); i++) if (SHAPED.contains(views.get(i))) { firstShaped = i; break; }
        for (int i = firstShaped; i < views.size(); i++)
            assertTrue(SHAPED.contains(views.get(i)), views.get(i) + " after a view that cannot apply: " + views);
        assertTrue(firstShaped < views.size() && firstShaped >= 4, "the first rows keep the views that apply: " + views);
    }

    @Test
    void aNetworkOfTheShapeKeepsTheRegistrysOrder() throws Exception {
        Preset p = preset("saxe-two-modes");
        p.network.widths = new int[] {2, 1, 1};   // one hidden neuron, two inputs, one output: all four apply
        assertEquals(ViewId.defaults(null), ViewId.defaults(p));
        Preset q = preset("saxe-two-modes");
        q.compare = new Preset.CompareSection();
        q.compare.parameter = "network.widths";
        q.compare.values = new double[] {1, 2};
        assertEquals(ViewId.defaults(null), ViewId.defaults(q), "a compare set over the network may have the shape");
    }
}
