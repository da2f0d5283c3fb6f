package fr.marelle.children.file;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The files kept: one row each, its content in the row or in the configured directory. */
@Component
public class StoredFiles {

    /** What a file is for: a document a family sent, or a blank form staff published. */
    public enum Purpose { DOCUMENT, BLANK_FORM }

    public record FileInfo(UUID fileId, Purpose purpose, UUID familyId, UUID childId, String mediaType,
                           long sizeBytes, String sha256, String fileName, String storage, OffsetDateTime createdAt,
                           OffsetDateTime erasedAt) {
    }

    public record FileContent(FileInfo info, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final FileStorage storage;

    StoredFiles(JdbcClient jdbc, FileStorage storage) {
        this.jdbc = jdbc;
        this.storage = storage;
    }

    /** Records the file in the caller's transaction: its row and its content commit (or vanish) together. */
    public UUID save(Purpose purpose, UUID familyId, UUID childId, UploadInspector.Inspected file) {
        UUID fileId = UUID.randomUUID();
        try {
            storage.write(fileId, file.content());
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be stored", e);
        }
        jdbc.sql("""
                        INSERT INTO stored_file (file_id, purpose, family_id, child_id, media_type, size_bytes, sha256,
                            file_name, storage, content)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(fileId, purpose.name(), familyId, childId, file.mediaType(), file.content().length,
                        sha256(file.content()), file.fileName(), storage.name(),
                        storage instanceof DatabaseStorage ? file.content() : null)
                .update();
        return fileId;
    }

    public Optional<FileInfo> info(UUID fileId) {
        return jdbc.sql("SELECT file_id, purpose, family_id, child_id, media_type, size_bytes, sha256, file_name, "
                        + "storage, created_at, erased_at FROM stored_file WHERE file_id = ?")
                .param(fileId).query(FileInfo.class).optional();
    }

    public Optional<FileContent> content(UUID fileId) {
        return info(fileId).filter(i -> i.erasedAt() == null).map(info -> {
            byte[] inRow = jdbc.sql("SELECT content FROM stored_file WHERE file_id = ?").param(fileId)
                    .query((rs, n) -> rs.getBytes(1)).single();
            try {
                return new FileContent(info, storage.read(fileId, inRow));
            } catch (IOException e) {
                throw new UncheckedIOException("The content of file " + fileId + " cannot be read", e);
            }
        });
    }

    /** Erases the contents (right to erasure); the rows stay, marked, as a trace that a file existed. */
    public int eraseChildFiles(UUID childId) {
        List<UUID> ids = jdbc.sql("SELECT file_id FROM stored_file WHERE child_id = ? AND erased_at IS NULL")
                .param(childId).query(UUID.class).list();
        for (UUID id : ids) {
            try {
                storage.erase(id);
            } catch (IOException e) {
                throw new UncheckedIOException("The content of file " + id + " cannot be erased", e);
            }
            jdbc.sql("UPDATE stored_file SET content = NULL, erased_at = now() WHERE file_id = ?").param(id).update();
        }
        return ids.size();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM stored_file").query(Long.class).single();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
