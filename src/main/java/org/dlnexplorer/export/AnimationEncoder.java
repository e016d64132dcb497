package org.dlnexplorer.export;

import org.dlnexplorer.output.AtomicFiles;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;
import org.w3c.dom.Node;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes frames as an animation, with kept libraries only: an animated GIF through ImageIO's GIF writer
 * (each frame's delay in its graphic control extension, the NETSCAPE2.0 application extension for looping
 * for ever), or an H.264 MP4 through JCodec's pure-Java encoder. The file appears whole (atomically) at
 * {@link #finish()}.
 */
public abstract class AnimationEncoder implements Closeable {
    public enum Kind {
        GIF("gif"), MP4("mp4");

        public final String extension;

        Kind(String extension) { this.extension = extension; }

        /** the kind by the file's extension */
        public static Kind of(Path file) throws ExportException {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Kind k : values()) if (name.endsWith("." + k.extension)) return k;
            throw new ExportException(file + ": an animation is written as .gif or .mp4");
        }
    }

    protected final Path file;

    protected AnimationEncoder(Path file) { this.file = file; }

    public static AnimationEncoder open(Path file, double fps) throws ExportException {
        try {
            return Kind.of(file) == Kind.GIF ? new Gif(file, fps) : new Mp4(file, fps);
        } catch (IOException e) {
            throw new ExportException(file + ": cannot write (" + e.getMessage() + ")");
        }
    }

    /** Add one frame (an opaque RGB image, every frame of one size). */
    public abstract void add(BufferedImage frame) throws IOException;

    /** Write the file (atomically); the encoder is done. */
    public abstract void finish() throws IOException;

    /** Animated GIF through ImageIO. */
    static final class Gif extends AnimationEncoder {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ImageOutputStream out;
        private final ImageWriter writer;
        /** frame delay in hundredths of a second (the GIF unit) */
        private final int delay;

        Gif(Path file, double fps) throws IOException {
            super(file);
            writer = ImageIO.getImageWritersByFormatName("gif").next();
            out = ImageIO.createImageOutputStream(bytes);
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            delay = Math.max(2, (int) Math.round(100 / fps));
        }

        @Override
        public void add(BufferedImage frame) throws IOException {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
            String format = meta.getNativeMetadataFormatName();
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
            IIOMetadataNode gce = child(root, "GraphicControlExtension");
            gce.setAttribute("disposalMethod", "none");
            gce.setAttribute("userInputFlag", "FALSE");
            gce.setAttribute("transparentColorFlag", "FALSE");
            gce.setAttribute("delayTime", Integer.toString(delay));
            gce.setAttribute("transparentColorIndex", "0");
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[]{1, 0, 0});   // loop for ever
            apps.appendChild(app);
            meta.setFromTree(format, root);
            writer.writeToSequence(new IIOImage(frame, null, meta), param);
        }

        private static IIOMetadataNode child(IIOMetadataNode root, String name) {
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling())
                if (n.getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) n;
            IIOMetadataNode n = new IIOMetadataNode(name);
            root.appendChild(n);
            return n;
        }

        @Override
        public void finish() throws IOException {
            writer.endWriteSequence();
            out.close();
            writer.dispose();
            AtomicFiles.write(file, bytes.toByteArray());
        }

        @Override
        public void close() {
            writer.dispose();
        }
    }

    /** H.264 in an MP4 container through JCodec (pure Java), into a temporary file beside the target. */
    static final class Mp4 extends AnimationEncoder {
        private final Path tmp;
        private final SeekableByteChannel channel;
        private final AWTSequenceEncoder encoder;

        Mp4(Path file, double fps) throws IOException {
            super(file);
            Path dir = file.toAbsolutePath().getParent();
            tmp = Files.createTempFile(dir, ".dln-", ".mp4.part");
            channel = NIOUtils.writableChannel(tmp.toFile());
            // fps as a fraction with a millisecond denominator (12.5 fps → 12500/1000)
            encoder = new AWTSequenceEncoder(channel, Rational.R((int) Math.round(fps * 1000), 1000));
        }

        @Override
        public void add(BufferedImage frame) throws IOException {
            encoder.encodeImage(frame);
        }

        @Override
        public void finish() throws IOException {
            try {
                encoder.finish();
                channel.close();
                AtomicFiles.write(file, Files.readAllBytes(tmp));
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
            Files.deleteIfExists(tmp);
        }
    }
}
