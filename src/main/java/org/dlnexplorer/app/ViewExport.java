package org.dlnexplorer.app;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.chart.ViewRenderers;
import org.dlnexplorer.model.observe.RunSet;
import org.jfree.chart.ui.Drawable;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Simple PNG export of views (slide style, 1600×1000), written atomically (temp file + move). Any thread. */
public final class ViewExport {
    public static final int WIDTH = 1600, HEIGHT = 1000;

    private ViewExport() {}

    public static List<Path> png(Path dir, List<ViewId> views, RunSet rs, double cursorT) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + " is not a directory");
        if (!Files.isWritable(dir)) throw new IOException(dir + " is not writable");
        List<Path> out = new ArrayList<>();
        for (ViewId id : views) {
            Drawable d = ViewRenderers.render(id, rs, ChartStyle.slide(), cursorT);
            BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            d.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
            g.dispose();
            Path target = dir.resolve(id.cliName() + ".png");
            Path tmp = Files.createTempFile(dir, "." + id.cliName(), ".png.tmp");
            try {
                if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer");
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            out.add(target);
        }
        return out;
    }
}
