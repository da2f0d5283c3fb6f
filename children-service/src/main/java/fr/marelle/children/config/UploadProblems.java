package fr.marelle.children.config;

import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import java.util.List;

/** A request whose file is larger than the limit is refused before it is read whole: 400 FILE_TOO_LARGE. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

    private final long maxBytes;

    UploadProblems(@Value("${marelle.children.files.max-bytes:10485760}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        String message = "Le fichier dépasse la taille maximale de " + (maxBytes / (1024 * 1024)) + " Mo.";
        return Problems.of(HttpStatus.BAD_REQUEST, "FILE_TOO_LARGE", message,
                List.of(new FieldViolation("file", "FILE_TOO_LARGE", message)));
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadable(MultipartException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Le fichier envoyé est illisible.",
                List.of(new FieldViolation("file", "FILE_EMPTY", "Le fichier envoyé est illisible.")));
    }
}
