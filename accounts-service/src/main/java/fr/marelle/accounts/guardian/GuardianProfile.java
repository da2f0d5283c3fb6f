package fr.marelle.accounts.guardian;

/**
 * What a guardian tells about themselves (screens 4 and 7). Phones are in E.164. The notification email defaults to
 * the login email; the secondary email also receives messages when the family asks for it.
 */
public record GuardianProfile(Civility civility, String firstName, String lastName, String mainPhone,
                              String secondaryPhone, String notificationEmail, String secondaryEmail,
                              String language) {
}
