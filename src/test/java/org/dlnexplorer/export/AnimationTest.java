package org.dlnexplorer.export;

import org.dlnexplorer.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Animated export: GIF frames read back through ImageIO show motion; MP4 is an ISO media file; bad options exit 2. */
class AnimationTest {
    /** share of pixels that differ between the first and last frame for it to count as motion */
    static final double MOTION_SHARE = 5e-4;   // at 320×200: 32 pixels, a few segments of curve or cursor

    static List<BufferedImage> gifFrames(Path gif, List<Integer> delays) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            int n = r.getNumImages(true);
            for (int i = 0; i < n; i++) {
                out.add(r.read(i));
                IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(Integer.parseInt(gce.getAttribute("delayTime")));
            }
        }
        return out;
    }

    static double changedShare(BufferedImage a, BufferedImage b) {
        long changed = 0;
        for (int y = 0; y < a.getHeight(); y++)
            for (int x = 0; x < a.getWidth(); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) changed++;
        return changed / (double) (a.getWidth() * a.getHeight());
    }

    @Test
    void timeAnimationGifUnfoldsTheRun(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("saxe.gif");
        CliRun.Result r = CliRun.exec("export", "saxe-two-modes", "--view", "singular-values", "--animate",
                "--out", gif.toString(), "--seconds", "1", "--fps", "8", "--width", "320", "--height", "200");
        assertEquals(0, r.code(), r.err());
        List<Integer> delays = new ArrayList<>();
        List<BufferedImage> frames = gifFrames(gif, delays);
        assertEquals(8, frames.size());
        assertEquals(13, delays.get(0), "1/8 s in hundredths");
        assertEquals(320, frames.get(0).getWidth());
        for (int i = 1; i < frames.size(); i++)
            assertTrue(changedShare(frames.get(i - 1), frames.get(i)) > 0, "frame " + i + " differs from the one before");
        double share = changedShare(frames.get(0), frames.get(frames.size() - 1));
        assertTrue(share > MOTION_SHARE, "the curves grow: " + share);
    }

    @Test
    void sweepGifAndMp4(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("delta.gif");
        CliRun.Result r = CliRun.exec("export", "lazy-rich-lambda-balanced", "--view", "singular-values", "--sweep", "init.scale=0.01:1",
                "--out", gif.toString(), "--seconds", "1", "--fps", "4", "--width", "320", "--height", "200");
        assertEquals(0, r.code(), r.err());
        List<BufferedImage> frames = gifFrames(gif, new ArrayList<>());
        assertEquals(4, frames.size());
        double sweepShare = changedShare(frames.get(0), frames.get(3));
        assertTrue(sweepShare > MOTION_SHARE, "the curves move: " + sweepShare);

        Path mp4 = dir.resolve("saxe.mp4");
        r = CliRun.exec("export", "saxe-two-modes", "--view", "loss", "--animate", "--out", mp4.toString(),
                "--seconds", "1", "--fps", "5", "--width", "320", "--height", "200");
        assertEquals(0, r.code(), r.err());
        byte[] b = Files.readAllBytes(mp4);
        assertEquals("ftyp", new String(b, 4, 4, java.nio.charset.StandardCharsets.US_ASCII), "an ISO base media file");
        assertTrue(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).contains("avc1"), "H.264 video track");
    }

    @Test
    void badAnimationOptionsAreOneLine(@TempDir Path dir) {
        CliRun.Result r = CliRun.exec("export", "saxe-two-modes", "--view", "loss", "--animate", "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(".gif or .mp4"), r.err());
        r = CliRun.exec("export", "saxe-two-modes", "--view", "loss", "--sweep", "init.bogus=0:1", "--out", dir.resolve("x.gif").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--sweep init.bogus=0:1: "), r.err());
        r = CliRun.exec("export", "saxe-two-modes", "--view", "hyperboloid", "--animate", "--out", dir.resolve("x.gif").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("does not apply"), r.err());
    }
}
