package fr.marelle.children.document;

import fr.marelle.children.calendar.SchoolYear;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public final class DocumentCommands {

    private DocumentCommands() {
    }

    /** A family sends a document (the file is already checked and stored). */
    public record SubmitDocument(@TargetAggregateIdentifier UUID documentId, KindSnapshot kind, UUID familyId,
                                 UUID childId, UUID fileId, String fileName, SchoolYear schoolYear, LocalDate today) {
    }

    /** {@code validUntil} null: the kind's default; {@code quotientFamilial} for a QF attestation only. */
    public record ApproveDocument(@TargetAggregateIdentifier UUID documentId, LocalDate validUntil,
                                  Integer quotientFamilial, LocalDate today) {
    }

    public record RejectDocument(@TargetAggregateIdentifier UUID documentId, String reason) {
    }

    /** The scheduled check: an approved document past its last day expires. */
    public record ExpireDocument(@TargetAggregateIdentifier UUID documentId, LocalDate today) {
    }
}
