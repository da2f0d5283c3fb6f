package fr.marelle.notification.message;

/** Why a delivery attempt failed, for staff and for the retry decision. */
public enum DeliveryFailureCode {
    /** The SMTP server could not be reached, timed out or dropped the connection. */
    SMTP_UNAVAILABLE,
    /** The SMTP server answered with a temporary refusal (4xx). */
    SMTP_TEMPORARY_REFUSAL,
    /** The SMTP server refused the message or its recipient for good (5xx). */
    SMTP_REJECTED,
    /** The recipient's address is not a valid email address. */
    RECIPIENT_INVALID,
    /** A single-use link the message needs could not be obtained. */
    LINK_UNAVAILABLE,
    /** The template could not be rendered. */
    RENDERING_FAILED,
    /** Anything else: a bug or an unexpected condition. */
    UNEXPECTED
}
