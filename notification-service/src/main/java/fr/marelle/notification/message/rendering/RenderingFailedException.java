package fr.marelle.notification.message.rendering;

/** The template could not be rendered (missing, broken): retrying the same template gives the same result. */
public class RenderingFailedException extends RuntimeException {

    public RenderingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
