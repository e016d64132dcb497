package org.dlnexplorer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** What Main sets before AWT or JavaFX loads. */
class MainPlatformDefaultsTest {
    @Test
    void prismGetsTheMostDirtyRegionsUnlessTheCommandLineSaysOtherwise() {
        String before = System.getProperty(Main.DIRTY_REGIONS);
        try {
            System.clearProperty(Main.DIRTY_REGIONS);
            Main.platformDefaults();
            assertEquals("15", System.getProperty(Main.DIRTY_REGIONS));
            assertEquals("true", System.getProperty("java.awt.headless"));
            System.setProperty(Main.DIRTY_REGIONS, "4");
            Main.platformDefaults();
            assertEquals("4", System.getProperty(Main.DIRTY_REGIONS), "the user's value wins");
        } finally {
            if (before == null) System.clearProperty(Main.DIRTY_REGIONS);
            else System.setProperty(Main.DIRTY_REGIONS, before);
        }
    }
}
