package fr.marelle.accounts.guardian;

import java.time.Instant;

/** A request confirmed by a single-use link: its id (never the link's token) and when it expires. */
record PendingRequest(String requestId, Instant expiresAt, String email) {

    boolean matches(String id, Instant now) {
        return requestId.equals(id) && now.isBefore(expiresAt);
    }
}
