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
 * Commands on an existing aggregate (the optional "existing aggregate" modes): each client opens one stream, then
 * every command loads it (by replaying its events, no cache, no snapshot) and appends to it.
 */
@Aggregate
public class ExistingStream {

    public record Open(@TargetAggregateIdentifier String streamId, String childId, String familyId) {
    }

    public record PlanDay(@TargetAggregateIdentifier String streamId, String childId, String familyId,
                          String serviceCode, LocalDate day, int days, long priceCents) {
    }

    @Revision("1")
    public record StreamOpened(String streamId, String childId, String familyId) {
    }

    @Revision("1")
    public record StreamDayPlanned(String streamId, String childId, String familyId, String serviceCode,
                                   LocalDate day, long priceCents) {
    }

    @AggregateIdentifier
    private String streamId;
    private int planned;

    protected ExistingStream() {
    }

    @CommandHandler
    public ExistingStream(Open command) {
        apply(new StreamOpened(command.streamId(), command.childId(), command.familyId()));
    }

    @CommandHandler
    public void handle(PlanDay command) {
        for (int i = 0; i < command.days(); i++) {
            apply(new StreamDayPlanned(command.streamId(), command.childId(), command.familyId(),
                    command.serviceCode(), command.day().plusDays(i), command.priceCents()));
        }
    }

    @EventSourcingHandler
    void on(StreamOpened event) {
        this.streamId = event.streamId();
    }

    @EventSourcingHandler
    void on(StreamDayPlanned event) {
        planned++;
    }
}
