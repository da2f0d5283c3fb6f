package fr.marelle.systemtests.portal;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files as families send them, made here without any library the portal itself uses to read them: a real PDF, a
 * phone photo whose EXIF holds where it was taken, a text file renamed .pdf; written to a temporary folder for the
 * browser's file inputs.
 */
public final class TestDocuments {

    private static final Path FOLDER;

    static {
        try {
            FOLDER = Files.createTempDirectory("marelle-uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestDocuments() {
    }

    /** The file, written under {@code name} in the temporary folder: its absolute path, for a file input. */
    public static String file(String name, byte[] content) {
        try {
            Path path = FOLDER.resolve(name);
            Files.write(path, content);
            return path.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF showing {@code text} (Helvetica), with its cross-reference table, as PDF 1.4 writes it. */
    public static byte[] pdf(String text) {
        String content = "BT /F1 18 Tf 72 760 Td (" + text.replaceAll("[()\\\\]", "") + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII); // ASCII only: offsets are byte offsets
    }

    /** A text file, which a parent might rename .pdf. */
    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A phone photo: a JPEG with an EXIF block (APP1) holding its orientation and the GPS position where it was taken
     * (Vincey, 48.3372 N 6.3386 E).
     */
    public static byte[] jpegWithGps(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1f5f8b));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        byte[] jpeg;
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpeg", out);
            jpeg = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] exif = exifWithGps();
        // after SOI and the JFIF segment (APP0), as cameras write it
        int insertAt = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            insertAt = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        ByteBuffer photo = ByteBuffer.allocate(jpeg.length + 4 + exif.length);
        photo.put(jpeg, 0, insertAt);
        photo.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);
        photo.put(jpeg, insertAt, jpeg.length - insertAt);
        return photo.array();
    }

    /** Whether a JPEG carries an EXIF block (where a GPS position lives), looking at its segments up to the image. */
    public static boolean hasExif(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) { // start of scan, end of image
                return false;
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xE1 && length >= 8 && new String(jpeg, i + 4, 4, StandardCharsets.US_ASCII).equals("Exif")) {
                return true;
            }
            i += 2 + length;
        }
        return false;
    }

    /** "Exif\0\0", then a big-endian TIFF: IFD0 (orientation, pointer to the GPS IFD), the GPS IFD, its rationals. */
    private static byte[] exifWithGps() {
        ByteBuffer tiff = ByteBuffer.allocate(6 + 140);
        tiff.put("Exif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0 at 8: 2 entries, ends at 38
        tiff.putShort((short) 2);
        entry(tiff, 0x0112, 3, 1, 1 << 16);   // Orientation = 1 (SHORT, left-justified)
        entry(tiff, 0x8825, 4, 1, 38);        // GPS IFD at 38
        tiff.putInt(0);
        // GPS IFD at 38: 4 entries, ends at 92; latitude at 92, longitude at 116
        tiff.putShort((short) 4);
        entry(tiff, 0x0001, 2, 2, 'N' << 24);
        entry(tiff, 0x0002, 5, 3, 92);
        entry(tiff, 0x0003, 2, 2, 'E' << 24);
        entry(tiff, 0x0004, 5, 3, 116);
        tiff.putInt(0);
        rationals(tiff, 48, 20, 1339); // 48° 20' 13.39"
        rationals(tiff, 6, 20, 1909);  // 6° 20' 19.09"
        return tiff.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void rationals(ByteBuffer tiff, int degrees, int minutes, int centiSeconds) {
        tiff.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt(centiSeconds).putInt(100);
    }
}
