package fr.marelle.notification.message;

/** Why a delivery attempt failed, for staff and for the retry decision. */
public enum DeliveryFailureCode {
    /** The SMTP server could not be reached, timed out or dropped the connection. */
    SMTP_UNAVAILABLE,
    /** The SMTP server answered with a temporary refusal (4xx). */
    SMTP_TEMPORARY_REFUSAL,
    /** The SMTP server refused the message or its recipient for good (5xx). */
    SMTP_REJECTED,
    /** The recipient's address is not a valid email address, or the number not a mobile one. */
    RECIPIENT_INVALID,
    /**
     * The SMS gateway could not be reached, timed out, answered 5xx or 429, or is not configured: retried.
     */
    SMS_UNAVAILABLE,
    /**
     * The SMS gateway refused: for good (400, 422: the number or the text) or until someone acts (401, 403:
     * credentials; 402: no credit left), which is retried.
     */
    SMS_REJECTED,
    /** A single-use link the message needs could not be obtained. */
    LINK_UNAVAILABLE,
    /** The template could not be rendered. */
    RENDERING_FAILED,
    /** Anything else: a bug or an unexpected condition. */
    UNEXPECTED
}
