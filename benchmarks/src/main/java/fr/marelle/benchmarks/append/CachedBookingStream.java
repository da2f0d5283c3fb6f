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
 * {@link ExistingStream} behind Axon's aggregate cache: the same commands on existing aggregates, loaded from the
 * cache instead of replaying their stream. Only for the optional "existing aggregate" modes.
 */
@Aggregate(cache = "benchAggregateCache")
public class CachedBookingStream {

    public record OpenCached(@TargetAggregateIdentifier String streamId, String childId, String familyId) {
    }

    public record PlanDayCached(@TargetAggregateIdentifier String streamId, String childId, String familyId,
                                String serviceCode, LocalDate day, int days, long priceCents) {
    }

    @Revision("1")
    public record CachedStreamOpened(String streamId, String childId, String familyId) {
    }

    @Revision("1")
    public record CachedDayPlanned(String streamId, String childId, String familyId, String serviceCode,
                                   LocalDate day, long priceCents) {
    }

    @AggregateIdentifier
    private String streamId;
    private int planned;

    protected CachedBookingStream() {
    }

    @CommandHandler
    public CachedBookingStream(OpenCached command) {
        apply(new CachedStreamOpened(command.streamId(), command.childId(), command.familyId()));
    }

    @CommandHandler
    public void handle(PlanDayCached command) {
        for (int i = 0; i < command.days(); i++) {
            apply(new CachedDayPlanned(command.streamId(), command.childId(), command.familyId(),
                    command.serviceCode(), command.day().plusDays(i), command.priceCents()));
        }
    }

    @EventSourcingHandler
    void on(CachedStreamOpened event) {
        this.streamId = event.streamId();
    }

    @EventSourcingHandler
    void on(CachedDayPlanned event) {
        planned++;
    }
}
