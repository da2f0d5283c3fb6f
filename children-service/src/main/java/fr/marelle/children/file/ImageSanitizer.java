package fr.marelle.children.file;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decodes an image and encodes its pixels again, as JPEG or PNG: nothing of the file but its picture survives (no
 * EXIF, GPS, XMP, comments, thumbnails or trailing data). The EXIF orientation is applied first, so the picture still
 * stands the right way up. Large images are decoded subsampled and scaled down, so that one upload never needs more
 * than a few tens of MB of memory.
 */
public class ImageSanitizer {

    static final long MAX_PIXELS = 50_000_000L;
    static final long MAX_DECODED_PIXELS = 16_000_000L;
    static final int MAX_SIDE = 3000;

    public byte[] reencode(byte[] content, String format) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw new IllegalStateException("No ImageIO reader for " + format);
            }
            ImageReader reader = readers.next();
            AtomicReference<String> damage = new AtomicReference<>();
            reader.addIIOReadWarningListener((source, warning) -> {
                String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
                if (w.contains("premature") || w.contains("truncat") || w.contains("end of")
                        || w.contains("corrupt")) {
                    damage.set(warning);
                }
            });
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw UploadRefused.damaged(label(format));
                }
                if (width * height > MAX_PIXELS) {
                    throw UploadRefused.imageTooLarge();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = 1;
                while (width * height / ((long) step * step) > MAX_DECODED_PIXELS) {
                    step++;
                }
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (damage.get() != null) {
                    throw UploadRefused.damaged(label(format));
                }
                image = "jpeg".equals(format) ? orient(image, orientation(content)) : image;
                image = limitSize(image);
                return write(toWritable(image, format), format);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof fr.marelle.platform.errors.DomainException domain) {
                throw domain;
            }
            throw UploadRefused.damaged(label(format));
        }
    }

    private static String label(String format) {
        return "jpeg".equals(format) ? "JPEG" : "PNG";
    }

    /** The EXIF orientation (1 to 8) of a JPEG, 1 when it has none. */
    static int orientation(byte[] jpeg) {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(stream, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return 1;
            }
            InputStream data = exif.get(0).data();
            if (data.read() != 0) { // the pad byte after "Exif\0"
                return 1;
            }
            try (ImageInputStream tiff = ImageIO.createImageInputStream(data)) {
                Directory directory = new TIFFReader().read(tiff);
                Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                if (entry == null || !(entry.getValue() instanceof Number n)) {
                    return 1;
                }
                int value = n.intValue();
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (IOException | RuntimeException e) {
            return 1; // unreadable metadata: the picture as stored
        }
    }

    /** Turns the pixels the way the EXIF orientation says the picture is meant to be seen. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation == 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        // (x, y) of the stored pixels to (x', y') of the picture as meant to be seen
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // turned a quarter clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);   // turned a quarter anticlockwise
            default -> null;
        };
        if (t == null) {
            return image;
        }
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, writableType(image));
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    static BufferedImage limitSize(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int longest = Math.max(w, h);
        if (longest <= MAX_SIDE) {
            return image;
        }
        double ratio = (double) MAX_SIDE / longest;
        int nw = Math.max(1, (int) Math.round(w * ratio));
        int nh = Math.max(1, (int) Math.round(h * ratio));
        BufferedImage scaled = new BufferedImage(nw, nh, writableType(image));
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, nw, nh, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static int writableType(BufferedImage image) {
        return image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    /** JPEG has no alpha: transparent parts are laid on white. */
    private static BufferedImage toWritable(BufferedImage image, String format) {
        boolean jpeg = "jpeg".equals(format);
        if (jpeg && image.getType() == BufferedImage.TYPE_INT_RGB || !jpeg && (image.getType()
                == BufferedImage.TYPE_INT_ARGB || image.getType() == BufferedImage.TYPE_INT_RGB)) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(),
                jpeg || !image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = copy.createGraphics();
        try {
            if (jpeg) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    private static byte[] write(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.9f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
