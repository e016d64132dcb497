package org.dlnexplorer.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The seed and targets fields' validation, without a window. */
class ControlsModelTest {
    private final ViewModel vm = new ViewModel();
    private final ControlsModel fields = new ControlsModel(vm);

    @Test
    void aWholeSeedIsTakenAndAnythingElseRefusedBesideTheField() {
        vm.seed.set(1);
        assertEquals("7", fields.commitSeed(" 7 "));
        assertEquals(7, vm.seed.get());
        assertEquals("", fields.seedMessage.get());
        for (String bad : new String[]{"-3", "2.5", "abc", ""}) {
            assertEquals("7", fields.commitSeed(bad), "the field shows the kept seed again");
            assertEquals(7, vm.seed.get(), bad);
            assertTrue(fields.seedMessage.get().startsWith("seed: \"" + bad.trim() + "\""), fields.seedMessage.get());
            assertTrue(fields.seedMessage.get().endsWith("kept 7"), fields.seedMessage.get());
            assertEquals(fields.seedMessage.get(), vm.inputMessage.get(), "also in the message line");
        }
        assertEquals("8", fields.commitSeed("8"));
        assertEquals("", fields.seedMessage.get(), "a valid seed clears its message");
        assertEquals("", vm.inputMessage.get());
    }

    @Test
    void targetsNeedAsManyValuesAsThePresetHasEachInRange() {
        vm.targets.set(new double[]{3, 1});
        assertEquals("2.5, 0.5", fields.commitTargets("2.5; 0.5"));
        assertArrayEquals(new double[]{2.5, 0.5}, vm.targets.get());
        assertEquals("2.5, 0.5", fields.commitTargets("1, 2, 3"));
        assertTrue(fields.targetsMessage.get().contains("need 2 values (got 3)"), fields.targetsMessage.get());
        assertArrayEquals(new double[]{2.5, 0.5}, vm.targets.get());
        for (String bad : new String[]{"1, -1", "1, 101", "1, x", "1, NaN"}) {
            assertEquals("2.5, 0.5", fields.commitTargets(bad), bad);
            assertTrue(fields.targetsMessage.get().contains("must be numbers between 0 and 100"), bad + ": " + fields.targetsMessage.get());
            assertArrayEquals(new double[]{2.5, 0.5}, vm.targets.get(), bad);
        }
        assertEquals("4, 0", fields.commitTargets("4 ,0"));
        assertArrayEquals(new double[]{4, 0}, vm.targets.get());
        assertEquals("", fields.targetsMessage.get());
    }

    @Test
    void aClearedMessageLineClearsTheFieldsMessages() {
        fields.commitSeed("x");
        assertFalse(fields.seedMessage.get().isEmpty());
        vm.inputMessage.set("");
        assertEquals("", fields.seedMessage.get());
    }
}
