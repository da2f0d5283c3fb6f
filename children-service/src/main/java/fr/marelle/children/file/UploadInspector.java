package fr.marelle.children.file;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.concurrent.Semaphore;

/**
 * Decides whether an upload may be kept, by its content and never by its name: at most {@code maxBytes}; scanned by
 * the virus scanner when one is configured (refused when it cannot answer); a PDF, a JPEG or a PNG by its first
 * bytes; then really read: a PDF must parse whole (a truncated one, or one locked by a password, is refused) and is
 * kept as sent; an image is decoded and re-encoded, which leaves its metadata (GPS position, camera, dates) behind.
 * Any refusal is a {@code DomainException} with a French message for the {@code file} field; nothing is stored.
 */
public class UploadInspector {

    private static final Logger log = LoggerFactory.getLogger(UploadInspector.class);
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] EOF_MARK = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    /** A verified upload, ready to store. */
    public record Inspected(byte[] content, String mediaType, String fileName) {
    }

    private final long maxBytes;
    private final VirusScanner scanner;
    private final ImageSanitizer images;
    /** Decoding images and parsing PDFs take memory: a few at a time. */
    private final Semaphore parsing = new Semaphore(2);

    public UploadInspector(long maxBytes, VirusScanner scanner, ImageSanitizer images) {
        this.maxBytes = maxBytes;
        this.scanner = scanner;
        this.images = images;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Inspected inspect(String originalName, byte[] content) {
        if (content == null || content.length == 0) {
            throw UploadRefused.empty();
        }
        if (content.length > maxBytes) {
            throw UploadRefused.tooLarge(maxBytes);
        }
        scan(content);
        String mediaType = sniff(content);
        parsing.acquireUninterruptibly();
        try {
            byte[] kept = switch (mediaType) {
                case "application/pdf" -> checkPdf(content);
                case "image/jpeg" -> images.reencode(content, "jpeg");
                default -> images.reencode(content, "png");
            };
            return new Inspected(kept, mediaType, safeName(originalName, mediaType));
        } finally {
            parsing.release();
        }
    }

    private void scan(byte[] content) {
        String signature;
        try {
            signature = scanner.scan(content);
        } catch (IOException | RuntimeException e) {
            log.warn("Upload refused: the virus scanner ({}) could not answer: {}", scanner, e.toString());
            throw UploadRefused.scannerUnavailable();
        }
        if (signature != null) {
            log.warn("Upload refused: the virus scanner found {}", signature);
            throw UploadRefused.infected(signature);
        }
    }

    /** The type, from the content's first bytes only. */
    static String sniff(byte[] content) {
        if (startsWith(content, PDF)) {
            return "application/pdf";
        }
        if (startsWith(content, PNG)) {
            return "image/png";
        }
        if (startsWith(content, JPEG)) {
            return "image/jpeg";
        }
        throw UploadRefused.typeNotAllowed();
    }

    /** Parsed whole by PDFBox; a file cut short has lost its final %%EOF, which PDFBox's lenient parser forgives. */
    private static byte[] checkPdf(byte[] content) {
        if (!endsWithEofMarker(content)) {
            throw UploadRefused.damaged("PDF");
        }
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.getNumberOfPages() < 1) {
                throw UploadRefused.damaged("PDF");
            }
            document.getPages().forEach(page -> page.getMediaBox());
            return content;
        } catch (InvalidPasswordException e) {
            throw UploadRefused.encrypted();
        } catch (IOException | RuntimeException e) {
            if (e instanceof fr.marelle.platform.errors.DomainException domain) {
                throw domain;
            }
            throw UploadRefused.damaged("PDF");
        }
    }

    static boolean endsWithEofMarker(byte[] content) {
        int end = content.length;
        while (end > 0 && (content[end - 1] == '\n' || content[end - 1] == '\r' || content[end - 1] == ' '
                || content[end - 1] == 0 || content[end - 1] == '\t')) {
            end--;
        }
        if (end < EOF_MARK.length) {
            return false;
        }
        for (int i = 0; i < EOF_MARK.length; i++) {
            if (content[end - EOF_MARK.length + i] != EOF_MARK[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A name to show and to offer at download: the sent name without any path, in plain characters, with the
     * extension of its real type. Never used to build a path.
     */
    static String safeName(String originalName, String mediaType) {
        String extension = switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            default -> ".png";
        };
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N} ._()-]", "_").strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.' || c == '_')) {
            name = "document";
        }
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return name + extension;
    }
}
