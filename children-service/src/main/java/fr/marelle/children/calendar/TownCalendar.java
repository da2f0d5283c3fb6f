package fr.marelle.children.calendar;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The town's today and school years: Europe/Paris, from the injected clock. */
@Component
public class TownCalendar {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final Clock clock;

    public TownCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    public SchoolYear currentSchoolYear() {
        return SchoolYear.containing(today());
    }

    public SchoolYear enrolmentSchoolYear() {
        return SchoolYear.forEnrolment(today());
    }

    public Clock clock() {
        return clock;
    }
}
