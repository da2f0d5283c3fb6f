package fr.marelle.planning.web;

import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Files planning keeps: the house rules of each service (public to families) and the medical certificates families
 * send for a sick child (the family and staff only). Stored as they came, outside the event store; events name them.
 */
@Component
public class Documents {

    public static final String HOUSE_RULES = "HOUSE_RULES";
    public static final String CERTIFICATE = "CERTIFICATE";
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

    public record Stored(UUID documentId, String fileName, String sha256) {
    }

    /** A file as the API receives it: JSON, the content in base64. */
    public record Upload(String fileName, String contentType, byte[] content) {
    }

    public record Document(UUID documentId, String kind, UUID familyId, String fileName, String contentType,
                           byte[] content) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Documents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Stored store(String kind, UUID familyId, String fileName, String contentType, byte[] content,
                        String uploadedBy) {
        if (content == null || content.length == 0) {
            throw invalid("Le fichier est vide.");
        }
        if (content.length > MAX_BYTES) {
            throw invalid("Le fichier dépasse 5 Mo.");
        }
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase();
        if (!TYPES.contains(type) || (HOUSE_RULES.equals(kind) && !"application/pdf".equals(type))) {
            throw invalid(HOUSE_RULES.equals(kind) ? "Le règlement est un fichier PDF."
                    : "Le certificat est un PDF, un JPEG ou un PNG.");
        }
        String name = fileName == null || fileName.isBlank() ? "document" : fileName.replaceAll("[\\\\/\\r\\n\"]", "_");
        name = name.length() > 150 ? name.substring(name.length() - 150) : name;
        UUID id = UUID.randomUUID();
        String sha = sha256(content);
        jdbc.sql("""
                        INSERT INTO planning_document (document_id, kind, family_id, file_name, content_type,
                            size_bytes, sha256, content, uploaded_at, uploaded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, kind, familyId, name, type, content.length, sha, content,
                        clock.instant().atOffset(ZoneOffset.UTC), uploadedBy)
                .update();
        return new Stored(id, name, sha);
    }

    public Optional<Document> find(UUID documentId) {
        return jdbc.sql("SELECT document_id, kind, family_id, file_name, content_type, content FROM planning_document "
                        + "WHERE document_id = ?")
                .param(documentId).query(Document.class).optional();
    }

    private static DomainException invalid(String message) {
        return DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.",
                List.of(new FieldViolation("file", "INVALID_FILE", message)));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
