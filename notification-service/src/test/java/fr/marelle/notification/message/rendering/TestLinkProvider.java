package fr.marelle.notification.message.rendering;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for accounts-service in the tests: issues a fresh secret link for every request, unless a test told it
 * to fail for a recipient, for a while (unavailable) or for good (refused).
 */
@Primary
@Component
public class TestLinkProvider implements LinkProvider {

    public enum Failure { UNAVAILABLE, REFUSED }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final List<String> issued = new CopyOnWriteArrayList<>();

    @Override
    public ResolvedLink linkFor(LinkRequest request) throws LinkUnavailableException {
        Failure failure = failures.get(request.recipient());
        if (failure != null) {
            throw new LinkUnavailableException("accounts-service ne délivre pas de lien " + request.kind()
                    + (failure == Failure.REFUSED ? " : compte inconnu" : " : service indisponible"),
                    failure == Failure.REFUSED, null);
        }
        String url = "https://famille.vincey.test/liens/" + request.kind().name().toLowerCase() + "/"
                + UUID.randomUUID();
        issued.add(url);
        return new ResolvedLink(url, Instant.now().plus(2, ChronoUnit.DAYS));
    }

    public void failFor(String recipient, Failure failure) {
        failures.put(recipient, failure);
    }

    public void recoverFor(String recipient) {
        failures.remove(recipient);
    }

    /** Every link handed out so far (tests look for them where they must never be). */
    public List<String> issued() {
        return List.copyOf(issued);
    }
}
