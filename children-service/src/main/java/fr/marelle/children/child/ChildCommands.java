package fr.marelle.children.child;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What may be asked of a child's record. */
public final class ChildCommands {

    private ChildCommands() {
    }

    /** A child of a family, enrolled at a school; {@code today} in the town's time zone. */
    public record RegisterChild(@TargetAggregateIdentifier UUID childId, UUID familyId, String firstName,
                                String lastName, LocalDate birthDate, SchoolChoice school, LocalDate today) {
    }

    /** Screen 15: identity, school and class (mandatory once the school year has classes). */
    public record UpdateChildDetails(@TargetAggregateIdentifier UUID childId, String firstName, String lastName,
                                     LocalDate birthDate, SchoolChoice school, UUID classId, LocalDate today) {
    }

    /** A second family (e.g. separated parents): staff only. */
    public record LinkChildToFamily(@TargetAggregateIdentifier UUID childId, UUID familyId) {
    }

    public record UnlinkChildFromFamily(@TargetAggregateIdentifier UUID childId, UUID familyId) {
    }

    /** No longer uses the town's services: history kept, no longer bookable, no longer changed. */
    public record ArchiveChild(@TargetAggregateIdentifier UUID childId) {
    }

    /** The care notes (diet, allergies) changed: their content is in the erasable care_note table only. */
    public record RecordCareNotesChange(@TargetAggregateIdentifier UUID childId) {
    }

    public record RecordCareNotesErasure(@TargetAggregateIdentifier UUID childId) {
    }

    /** What the child has, for one of its families, as the requirements policy computed it. */
    public record RecordRequirements(@TargetAggregateIdentifier UUID childId, UUID familyId, String schoolYear,
                                     List<String> satisfied, List<String> missing) {
    }
}
