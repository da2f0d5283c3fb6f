package fr.marelle.children.document;

import fr.marelle.children.calendar.SchoolYear;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** Facts about a document a family sent. The file is referred to by id: its content is never in an event. */
public final class DocumentEvents {

    private DocumentEvents() {
    }

    /** With the kind's validity at that moment: the approval's default end date follows it. */
    @Revision("1")
    public record DocumentSubmitted(UUID documentId, String kind, String title, UUID familyId, UUID childId,
                                    UUID fileId, String fileName, SchoolYear schoolYear, Validity validity,
                                    Integer validityMonths) {
    }

    /** {@code automatic}: a kind that staff do not review (a photo) is approved as it arrives. */
    @Revision("1")
    public record DocumentApproved(UUID documentId, String kind, String title, UUID familyId, UUID childId,
                                   LocalDate validFrom, LocalDate validUntil, Integer quotientFamilial,
                                   boolean automatic) {
    }

    @Revision("1")
    public record DocumentRejected(UUID documentId, String kind, String title, UUID familyId, UUID childId,
                                   String reason) {
    }

    @Revision("1")
    public record DocumentExpired(UUID documentId, String kind, UUID familyId, UUID childId, LocalDate validUntil) {
    }
}
