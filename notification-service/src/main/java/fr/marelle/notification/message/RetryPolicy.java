package fr.marelle.notification.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How long to wait after each failed attempt, and how many attempts a series has before the message is failed
 * (e.g. 1 min, 5 min, 30 min, 2 h, 6 h: six attempts over about nine hours). The last delay repeats when there are
 * more attempts than delays. Injected into the {@link OutgoingMessage} command handlers; its decisions are recorded
 * in the events, so changing it never changes the past.
 */
public record RetryPolicy(List<Duration> backoff, int maxAttempts) {

    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        backoff = List.copyOf(backoff);
        if (backoff.isEmpty() || backoff.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("The back-off needs at least one positive delay: " + backoff);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt: " + maxAttempts);
        }
    }

    /** Rule: the series ends at its {@code maxAttempts}-th attempt. */
    public boolean isLastAttempt(int attemptInSeries) {
        return attemptInSeries >= maxAttempts;
    }

    /** When the attempt after the given one (counted from 1 in the series) is due. */
    public Instant nextAttemptAt(int attemptInSeries, Instant failedAt) {
        int index = Math.min(Math.max(attemptInSeries, 1), backoff.size()) - 1;
        return failedAt.plus(backoff.get(index));
    }
}
