package org.dlnexplorer.app;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The renderer's images reach the scene wrapped, not copied, with the same pixels. */
@ExtendWith(ApplicationExtension.class)
class ViewCellImageTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void premultipliedImagesAreWrappedWithTheirPixels() throws Exception {
        BufferedImage b = new BufferedImage(7, 5, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = b.createGraphics();
        g.setColor(new Color(200, 40, 10));
        g.fillRect(0, 0, 4, 5);
        g.setColor(new Color(0, 0, 255, 128));   // half transparent: premultiplied storage
        g.fillRect(4, 0, 3, 3);
        g.dispose();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> ViewCell.wrap(b)).get();
        assertNotNull(img);
        assertEquals(7, (int) img.getWidth());
        assertEquals(5, (int) img.getHeight());
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < 5; y++)
            for (int x = 0; x < 7; x++)
                assertEquals(b.getRGB(x, y), r.getArgb(x, y), "pixel " + x + "," + y);
    }

    @Test
    void otherImageTypesAreNotWrapped() throws Exception {
        BufferedImage rgb = new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB);
        BufferedImage argb = new BufferedImage(3, 3, BufferedImage.TYPE_INT_ARGB);
        BufferedImage sub = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB_PRE).getSubimage(2, 2, 3, 3);
        assertNull(WaitForAsyncUtils.asyncFx(() -> ViewCell.wrap(rgb)).get());
        assertNull(WaitForAsyncUtils.asyncFx(() -> ViewCell.wrap(argb)).get());
        assertNull(WaitForAsyncUtils.asyncFx(() -> ViewCell.wrap(sub)).get(), "a sub-image shares a larger raster");
    }
}
