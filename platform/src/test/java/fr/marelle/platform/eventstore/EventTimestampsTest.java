package fr.marelle.platform.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class EventTimestampsTest {

    private static void sameAsAxon(Instant instant) {
        assertThat(EventTimestamps.format(instant)).as("%s", instant).isEqualTo(DateTimeUtils.formatInstant(instant));
    }

    @Test
    void writes_what_axon_writes_to_the_millisecond() {
        assertThat(EventTimestamps.format(Instant.parse("2026-11-27T18:50:40.702999999Z")))
                .isEqualTo("2026-11-27T18:50:40.702Z");
        sameAsAxon(Instant.EPOCH);
        sameAsAxon(Instant.parse("2028-02-29T23:59:59.999999999Z"));
        sameAsAxon(Instant.parse("2026-01-01T00:00:00Z"));
        sameAsAxon(Instant.parse("1969-12-31T23:59:59.001Z"));
        sameAsAxon(Instant.parse("0000-01-01T00:00:00Z"));
        sameAsAxon(Instant.parse("9999-12-31T23:59:59.999Z"));
    }

    @Test
    void leaves_years_written_with_a_sign_to_axon() {
        sameAsAxon(Instant.parse("+10000-01-01T00:00:00Z"));
        sameAsAxon(Instant.parse("-0001-12-31T23:59:59.500Z"));
    }

    @Test
    void agrees_with_axon_on_a_hundred_thousand_instants() {
        SplittableRandom random = new SplittableRandom(20261127);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            sameAsAxon(Instant.ofEpochSecond(random.nextLong(first, last + 1), random.nextInt(1_000_000_000)));
        }
    }
}
