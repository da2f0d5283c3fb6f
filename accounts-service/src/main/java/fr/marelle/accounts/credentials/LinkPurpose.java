package fr.marelle.accounts.credentials;

import java.time.Duration;

/** What a single-use link confirms, how long it lives, and the portal page it opens. */
public enum LinkPurpose {
    EMAIL_VERIFICATION(Duration.ofHours(48), "/compte/valider"),
    PASSWORD_RESET(Duration.ofHours(1), "/mot-de-passe/nouveau"),
    EMAIL_CHANGE(Duration.ofHours(48), "/compte/email/confirmer"),
    INVITATION(Duration.ofDays(7), "/compte/invitation"),
    /** Not a link: the proof, between the two steps of a staff login, that the password step succeeded. */
    LOGIN_CHALLENGE(Duration.ofMinutes(5), null);

    private final Duration lifetime;
    private final String path;

    LinkPurpose(Duration lifetime, String path) {
        this.lifetime = lifetime;
        this.path = path;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String path() {
        return path;
    }
}
