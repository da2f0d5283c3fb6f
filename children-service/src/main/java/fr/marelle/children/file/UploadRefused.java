package fr.marelle.children.file;

import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.ErrorKind;
import fr.marelle.platform.errors.FieldViolation;

import java.util.List;

/** Why an upload is refused: a stable code and a French message, shown next to the file field ({@code file}). */
final class UploadRefused {

    static final String FIELD = "file";

    private UploadRefused() {
    }

    static DomainException of(ErrorKind kind, String code, String message) {
        return new DomainException(kind, code, message, List.of(new FieldViolation(FIELD, code, message)));
    }

    static DomainException empty() {
        return of(ErrorKind.INVALID, "FILE_EMPTY", "Le fichier est vide ou n'a pas été joint.");
    }

    static DomainException tooLarge(long maxBytes) {
        return of(ErrorKind.INVALID, "FILE_TOO_LARGE", "Le fichier dépasse la taille maximale de "
                + (maxBytes / (1024 * 1024)) + " Mo.");
    }

    static DomainException typeNotAllowed() {
        return of(ErrorKind.INVALID, "FILE_TYPE_NOT_ALLOWED",
                "Seuls les fichiers PDF, JPEG et PNG sont acceptés (le contenu du fichier n'en est pas un).");
    }

    static DomainException damaged(String what) {
        return of(ErrorKind.INVALID, "FILE_DAMAGED", "Ce fichier " + what + " est incomplet ou endommagé : il ne peut "
                + "pas être lu.");
    }

    static DomainException encrypted() {
        return of(ErrorKind.INVALID, "FILE_ENCRYPTED",
                "Les PDF protégés par un mot de passe ne sont pas acceptés : envoyez le document sans protection.");
    }

    static DomainException imageTooLarge() {
        return of(ErrorKind.INVALID, "FILE_IMAGE_TOO_LARGE",
                "Cette image est trop grande (plus de 50 millions de pixels) : envoyez-la en plus petit.");
    }

    static DomainException infected(String signature) {
        return of(ErrorKind.RULE_VIOLATED, "FILE_INFECTED", "L'analyse antivirus a détecté une menace dans ce fichier ("
                + signature + ") : il a été refusé.");
    }

    static DomainException scannerUnavailable() {
        return of(ErrorKind.UNAVAILABLE, "VIRUS_SCANNER_UNAVAILABLE", "L'analyse antivirus est indisponible pour le "
                + "moment : le fichier n'a pas été accepté. Réessayez plus tard.");
    }
}
