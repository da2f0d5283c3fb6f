package fr.marelle.children.calendar;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The town's current school year, as a fact: when the year turns (1 September), {@link SchoolYearStarted} is
 * recorded once, and what children have for the new year is evaluated again. The scheduled check asks for it as often
 * as it likes.
 */
@Aggregate
public class SchoolYearCalendar {

    public static final String TOWN = "town";

    public record StartSchoolYear(@TargetAggregateIdentifier String calendarId, SchoolYear schoolYear) {
    }

    @Revision("1")
    public record SchoolYearStarted(String calendarId, SchoolYear schoolYear) {
    }

    @AggregateIdentifier
    private String calendarId;
    private SchoolYear current;

    protected SchoolYearCalendar() {
    }

    /** Only forward: a year already started, or an older one, changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartSchoolYear command) {
        if (current == null || command.schoolYear().compareTo(current) > 0) {
            org.axonframework.modelling.command.AggregateLifecycle.apply(
                    new SchoolYearStarted(command.calendarId(), command.schoolYear()));
        }
    }

    @EventSourcingHandler
    void on(SchoolYearStarted event) {
        calendarId = event.calendarId();
        current = event.schoolYear();
    }
}
