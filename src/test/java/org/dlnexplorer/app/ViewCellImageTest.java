package org.dlnexplorer.app;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.dlnexplorer.chart.ViewId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;

/** The renderer's images reach the scene as copies of their pixels, in one image per cell that is reused. */
@ExtendWith(ApplicationExtension.class)
class ViewCellImageTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    private static BufferedImage painted(int w, int h, Color left, Color rightTranslucent) {
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = b.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, w / 2 + 1, h);
        g.setColor(rightTranslucent);   // half transparent: premultiplied storage
        g.fillRect(w / 2 + 1, 0, w, h / 2 + 1);
        g.dispose();
        return b;
    }

    private static void assertSamePixels(BufferedImage b, WritableImage img) {
        assertEquals(b.getWidth(), (int) img.getWidth());
        assertEquals(b.getHeight(), (int) img.getHeight());
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < b.getHeight(); y++)
            for (int x = 0; x < b.getWidth(); x++)
                assertEquals(b.getRGB(x, y), r.getArgb(x, y), "pixel " + x + "," + y);
    }

    @Test
    void sameSizeImagesReuseTheCellsImageWithTheNewPixels() throws Exception {
        ViewCell cell = WaitForAsyncUtils.asyncFx(() -> new ViewCell(ViewId.LOSS)).get();
        BufferedImage first = painted(7, 5, new Color(200, 40, 10), new Color(0, 0, 255, 128));
        BufferedImage second = painted(7, 5, new Color(10, 120, 30), new Color(255, 0, 0, 60));
        BufferedImage larger = painted(9, 6, new Color(90, 90, 90), new Color(0, 200, 200, 200));
        WritableImage a = WaitForAsyncUtils.asyncFx(() -> { cell.setImage(first, null, null); return cell.image(); }).get();
        assertSamePixels(first, a);
        WritableImage b = WaitForAsyncUtils.asyncFx(() -> { cell.setImage(second, null, null); return cell.image(); }).get();
        assertSame(a, b, "one image per cell while its size stays");
        assertSamePixels(second, b);
        // the painter may reuse or drop its image: the cell holds a copy
        Graphics2D g = second.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 7, 5);
        g.dispose();
        assertNotEquals(second.getRGB(0, 0), b.getPixelReader().getArgb(0, 0));
        WritableImage c = WaitForAsyncUtils.asyncFx(() -> { cell.setImage(larger, null, null); return cell.image(); }).get();
        assertNotSame(b, c, "a new size, a new image");
        assertSamePixels(larger, c);
    }

    @Test
    void otherImageTypesAreConverted() throws Exception {
        BufferedImage rgb = new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB);
        BufferedImage argb = new BufferedImage(3, 3, BufferedImage.TYPE_INT_ARGB);
        BufferedImage sub = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB_PRE).getSubimage(2, 2, 3, 3);
        assertNull(ViewCell.packedPixels(rgb));
        assertNull(ViewCell.packedPixels(argb));
        assertNull(ViewCell.packedPixels(sub), "a sub-image shares a larger raster");
        argb.setRGB(1, 1, 0x80FF0000);
        ViewCell cell = WaitForAsyncUtils.asyncFx(() -> new ViewCell(ViewId.LOSS)).get();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> { cell.setImage(argb, null, null); return cell.image(); }).get();
        assertSamePixels(argb, img);
    }
}
