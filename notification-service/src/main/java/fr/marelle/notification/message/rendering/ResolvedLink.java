package fr.marelle.notification.message.rendering;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A single-use link and, when the issuer says so, when it stops working. Its {@code toString} never shows the URL.
 */
public record ResolvedLink(String url, Instant expiresAt) {

    public ResolvedLink {
        Objects.requireNonNull(url, "url");
    }

    /** Only absolute http(s) links are put in an email. */
    boolean isWebLink() {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && uri.getHost() != null && (scheme.equals("https") || scheme.equals("http"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ResolvedLink[url=<secret>, expiresAt=" + expiresAt + "]";
    }
}
