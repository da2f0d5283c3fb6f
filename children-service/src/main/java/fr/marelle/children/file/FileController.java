package fr.marelle.children.file;

import fr.marelle.children.child.ChildAccess;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A kept file, to whom may see it: the families of the child or the family it belongs to, staff, and for blank forms
 * anyone logged in. Only PDF, JPEG and PNG were ever kept: PDFs always download (attachment), images (re-encoded) may
 * show inline; never sniffed (nosniff), never scripted (sandbox).
 */
@RestController
class FileController {

    private final StoredFiles files;
    private final ChildAccess children;

    FileController(StoredFiles files, ChildAccess children) {
        this.files = files;
        this.children = children;
    }

    @GetMapping("/api/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable UUID fileId) {
        Actor caller = Callers.current();
        StoredFiles.FileInfo info = files.info(fileId).orElseThrow(FileController::notFound);
        if (!maySee(caller, info)) {
            throw notFound();
        }
        StoredFiles.FileContent file = files.content(fileId).orElseThrow(() -> DomainException.notFound(
                "FILE_ERASED", "Ce fichier a été effacé."));
        boolean image = info.mediaType().startsWith("image/");
        ContentDisposition disposition = (image ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(info.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(info.mediaType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(file.content());
    }

    private boolean maySee(Actor caller, StoredFiles.FileInfo info) {
        if (caller.role() == Role.SYSTEM) {
            return false;
        }
        if (info.purpose() == StoredFiles.Purpose.BLANK_FORM || caller.role() != Role.PARENT) {
            return true;
        }
        if (caller.familyId() == null) {
            return false;
        }
        UUID family = UUID.fromString(caller.familyId());
        if (info.childId() != null) {
            return children.state(info.childId()).map(s -> s.families().contains(family)).orElse(false);
        }
        return Objects.equals(info.familyId(), family);
    }

    static DomainException notFound() {
        return DomainException.notFound("FILE_NOT_FOUND", "Fichier introuvable.");
    }
}
