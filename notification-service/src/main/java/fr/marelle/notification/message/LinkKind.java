package fr.marelle.notification.message;

/**
 * The single-use links a message may need. A link is a secret: it never travels through Kafka, never enters an
 * event or a log line; it is obtained when the message is rendered, for that delivery only, from the issuer's
 * request id that the message keeps ({@code linkRequestId}).
 */
public enum LinkKind {
    /** Confirms the address given at registration. */
    EMAIL_VERIFICATION,
    /** Lets the owner of an account choose a new password. */
    PASSWORD_RESET,
    /** Confirms a new login address, sent to that new address. */
    EMAIL_CHANGE_CONFIRMATION,
    /** Lets a guardian invited by staff, or a staff member invited by an administrator, choose a password. */
    INVITATION
}
