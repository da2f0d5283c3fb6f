package fr.marelle.benchmarks.append;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A benchmark aggregate shaped like a bulk booking: one command plans {@code days} child-days and applies one event
 * per day, so one command carries 1 or 20 events. Every command creates a new aggregate (no load, no contention):
 * the case most comparable to plain inserts.
 */
@Aggregate
public class BookingStream {

    public record PlanDays(@TargetAggregateIdentifier String streamId, String childId, String familyId,
                           String serviceCode, LocalDate firstDay, int days, long priceCents) {
    }

    @Revision("1")
    public record DayPlanned(String streamId, String childId, String familyId, String serviceCode, LocalDate day,
                             long priceCents) {
    }

    @AggregateIdentifier
    private String streamId;

    protected BookingStream() {
    }

    @CommandHandler
    public BookingStream(PlanDays command) {
        for (int i = 0; i < command.days(); i++) {
            apply(new DayPlanned(command.streamId(), command.childId(), command.familyId(), command.serviceCode(),
                    command.firstDay().plusDays(i), command.priceCents()));
        }
    }

    @EventSourcingHandler
    void on(DayPlanned event) {
        this.streamId = event.streamId();
    }
}
