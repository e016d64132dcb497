package org.dlnexplorer.app;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.dlnexplorer.app.TestWindows.fx;
import static org.junit.jupiter.api.Assertions.*;

/**
 * While a control is dragged the equation box changes only when the equation does: a τ drag keeps the picture
 * and the tooltip on screen (no typesetting, no new popup per frame); δ moved away from 0 shows the new equation.
 */
@ExtendWith(ApplicationExtension.class)
class EquationBoxUpdateTest {
    private Label label;
    private EquationBox box;

    @Start
    void start(Stage stage) {
        label = new Label();
        box = new EquationBox(label, Runnable::run);   // typeset on the calling (FX) thread
    }

    private void show(Preset p) throws Exception {
        fx(() -> { box.show(p); return null; });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theBoxChangesOnlyWhenTheEquationDoes() throws Exception {
        Preset saxe = BundledPresets.read("saxe-two-modes.json");
        show(saxe);
        Node picture = label.getGraphic();
        Tooltip tip = label.getTooltip();
        assertNotNull(picture, "typeset");
        assertTrue(label.getText().contains("Saxe"), label.getText());
        for (double tau : new double[]{0.02, 0.05, 0.3}) {
            show(PresetPaths.with(saxe, "init.scale", tau));
            assertSame(picture, label.getGraphic(), "the same equation: the picture stays");
            assertSame(tip, label.getTooltip(), "and the tooltip");
        }
        show(PresetPaths.with(saxe, "init.delta", 6.2));
        assertTrue(label.getText().contains("λ-balanced"), label.getText());
        assertNotSame(picture, label.getGraphic(), "a new equation: a new picture");
        assertSame(tip, label.getTooltip(), "the tooltip is reused");
        assertTrue(tip.getText().contains("λ-balanced"), tip.getText());
        show(saxe);
        assertTrue(label.getText().contains("Saxe"), "back to δ = 0: " + label.getText());
    }
}
