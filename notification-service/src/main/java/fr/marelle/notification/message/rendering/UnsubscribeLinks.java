package fr.marelle.notification.message.rendering;

/**
 * Makes the link by which a family stops the newsletter in one click, when a newsletter email is written. Like the
 * single-use links of the account, it is a secret: it never enters an event, a read model or a log line.
 */
@FunctionalInterface
public interface UnsubscribeLinks {

    /** A link, absolute http(s), that turns the newsletter off for this family. */
    String linkFor(String familyId);
}
