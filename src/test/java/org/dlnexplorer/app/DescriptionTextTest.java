package org.dlnexplorer.app;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.dlnexplorer.preset.BundledPresets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * #16 item 9: descriptions were cut at the right with the cut word repeated on the next line
 * (single-neuron-balanced, single-neuron-downstream, square-lambda-balanced-random). Every bundled description,
 * laid out at the control panel's widths: nothing past the right edge, no piece over another, every word
 * once and in order.
 */
@ExtendWith(ApplicationExtension.class)
class DescriptionTextTest {
    private final DescriptionText text = new DescriptionText(13);
    private VBox box;

    @Start
    void start(Stage stage) {
        box = new VBox(text);
        stage.setScene(new Scene(box, 300, 900));
        stage.show();
    }

    @Test
    void everyDescriptionFitsItsWidthWithEveryWordOnceInOrder() throws Exception {
        for (double width : new double[] {220, 300, 420}) {
            for (BundledPresets.Entry e : BundledPresets.load().entries()) {
                String d = e.preset().description;
                if (d == null) continue;
                List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
                    text.setText(d);
                    text.resize(width, text.prefHeight(width));
                    text.layout();
                    return check(text, width, d);
                }).get(20, TimeUnit.SECONDS);
                assertEquals(List.of(), problems, e.file() + " at " + width + " px");
            }
        }
    }

    private static List<String> check(DescriptionText t, double width, String description) {
        List<String> problems = new ArrayList<>();
        List<Bounds> boxes = new ArrayList<>();
        StringBuilder read = new StringBuilder();
        for (Node n : t.pieces()) {
            Bounds b = n.getBoundsInParent();
            if (b.getMaxX() > t.getWidth() + 0.5) problems.add("past the right edge: " + ((Text) n).getText());
            if (b.getMinX() < -0.5) problems.add("past the left edge: " + ((Text) n).getText());
            for (Bounds o : boxes)
                if (b.getMinX() < o.getMaxX() - 0.5 && o.getMinX() < b.getMaxX() - 0.5
                        && b.getMinY() < o.getMaxY() - 0.5 && o.getMinY() < b.getMaxY() - 0.5)
                    problems.add("over another piece: " + ((Text) n).getText());
            boxes.add(b);
            read.append(((Text) n).getText());
        }
        if (t.getHeight() + 0.5 < boxes.stream().mapToDouble(Bounds::getMaxY).max().orElse(0))
            problems.add("taller than its height " + t.getHeight());
        String expected = MathRuns.plain(description).replaceAll("\\s+", "");
        if (!read.toString().equals(expected)) problems.add("words changed: " + read);
        return problems;
    }
}
