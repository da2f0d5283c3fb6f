package fr.marelle.children.document;

import fr.marelle.children.calendar.SchoolYear;
import fr.marelle.children.document.DocumentCommands.ApproveDocument;
import fr.marelle.children.document.DocumentCommands.ExpireDocument;
import fr.marelle.children.document.DocumentCommands.RejectDocument;
import fr.marelle.children.document.DocumentCommands.SubmitDocument;
import fr.marelle.children.document.DocumentEvents.DocumentApproved;
import fr.marelle.children.document.DocumentEvents.DocumentExpired;
import fr.marelle.children.document.DocumentEvents.DocumentRejected;
import fr.marelle.children.document.DocumentEvents.DocumentSubmitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One document a family sent, of one kind, for the family or one child: reviewed, then valid until a date. */
@Aggregate
public class Document {

    @AggregateIdentifier
    private UUID documentId;
    private String kind;
    private String title;
    private UUID familyId;
    private UUID childId;
    private SchoolYear schoolYear;
    private Validity validity;
    private Integer validityMonths;
    private DocumentStatus status;
    private LocalDate validUntil;

    protected Document() {
    }

    @CommandHandler
    public Document(SubmitDocument command) {
        KindSnapshot kind = command.kind();
        DocumentRules.kindAcceptsThisDocument(kind, command.childId());
        apply(new DocumentSubmitted(command.documentId(), kind.code(), kind.title(), command.familyId(),
                command.childId(), command.fileId(), command.fileName(), command.schoolYear(), kind.validity(),
                kind.validityMonths()));
        if (!kind.reviewRequired()) {
            apply(new DocumentApproved(command.documentId(), kind.code(), kind.title(), command.familyId(),
                    command.childId(), command.today(), DocumentRules.defaultValidUntil(kind.validity(),
                    kind.validityMonths(), command.schoolYear(), command.today()), null, true));
        }
    }

    @CommandHandler
    void handle(ApproveDocument command) {
        DocumentRules.isAwaitingReview(status);
        LocalDate until = command.validUntil() != null ? command.validUntil()
                : DocumentRules.defaultValidUntil(validity, validityMonths, schoolYear, command.today());
        DocumentRules.validUntilIsNotPast(until, command.today());
        DocumentRules.quotientFamilialIsRead(kind, command.quotientFamilial());
        apply(new DocumentApproved(documentId, kind, title, familyId, childId, command.today(), until,
                DocumentKinds.QF_ATTESTATION.equals(kind) ? command.quotientFamilial() : null, false));
    }

    @CommandHandler
    void handle(RejectDocument command) {
        DocumentRules.isAwaitingReview(status);
        DocumentRules.reasonIsGiven(command.reason());
        apply(new DocumentRejected(documentId, kind, title, familyId, childId, command.reason().strip()));
    }

    @CommandHandler
    void handle(ExpireDocument command) {
        if (status == DocumentStatus.APPROVED && validUntil != null && validUntil.isBefore(command.today())) {
            apply(new DocumentExpired(documentId, kind, familyId, childId, validUntil));
        }
    }

    @EventSourcingHandler
    void on(DocumentSubmitted event) {
        documentId = event.documentId();
        kind = event.kind();
        title = event.title();
        familyId = event.familyId();
        childId = event.childId();
        schoolYear = event.schoolYear();
        validity = event.validity();
        validityMonths = event.validityMonths();
        status = DocumentStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(DocumentApproved event) {
        status = DocumentStatus.APPROVED;
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(DocumentRejected event) {
        status = DocumentStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(DocumentExpired event) {
        status = DocumentStatus.EXPIRED;
    }
}
