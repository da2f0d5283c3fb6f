package fr.marelle.planning.booking;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One submission of the planning form (or of the API), as a whole: what it asked for and what became of each
 * child-day. Billing turns it into one order; the audit console shows who sent it.
 */
@Aggregate
public class Submission {

    public record SubmittedLine(UUID bookingId, UUID childId, String serviceId, LocalDate date, String outcome) {
    }

    public record RecordSubmission(@TargetAggregateIdentifier UUID submissionId, UUID familyId, Instant submittedAt,
                                   List<SubmittedLine> lines) {
    }

    @Revision("1")
    public record SubmissionRecorded(UUID submissionId, UUID familyId, Instant submittedAt,
                                     List<SubmittedLine> lines) {
    }

    @AggregateIdentifier
    private UUID submissionId;

    protected Submission() {
    }

    @CommandHandler
    public Submission(RecordSubmission command) {
        apply(new SubmissionRecorded(command.submissionId(), command.familyId(), command.submittedAt(),
                command.lines()));
    }

    @EventSourcingHandler
    void on(SubmissionRecorded event) {
        submissionId = event.submissionId();
    }
}
