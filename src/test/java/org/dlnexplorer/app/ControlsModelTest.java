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

    @Test
    void committingTheShownRoundedTargetsChangesNothing() {
        double[] precise = {3.14159265, 1.0 / 3};
        vm.targets.set(precise.clone());
        String shown = ControlsModel.formatList(precise);
        assertEquals("3.142, 0.3333", shown);
        int[] changes = {0};
        vm.targets.addListener(o -> changes[0]++);
        assertEquals(shown, fields.commitTargets(shown), "focus lost on the untouched field");
        assertEquals(shown, fields.commitTargets(" " + shown + " "));
        assertArrayEquals(precise, vm.targets.get(), 0, "the values stay exact");
        assertEquals(0, changes[0], "no change, so no recomputation");
        assertEquals("3, 0.3333", fields.commitTargets("3, 0.3333"), "an edit is taken");
        assertEquals(1, changes[0]);
    }
}
