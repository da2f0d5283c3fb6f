package fr.marelle.children.child;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Facts about a child. No health or diet data here: {@link ChildCareNotesChanged} only says that they changed.
 * Events that other families must hear about name the families the child belongs to at that moment.
 */
public final class ChildEvents {

    private ChildEvents() {
    }

    @Revision("1")
    public record ChildRegistered(UUID childId, UUID familyId, String firstName, String lastName, LocalDate birthDate,
                                  UUID schoolId) {
    }

    @Revision("1")
    public record ChildDetailsChanged(UUID childId, Set<UUID> families, String firstName, String lastName,
                                      LocalDate birthDate, UUID schoolId, UUID classId) {
    }

    /** With the child's details, which the new family's consumers have never seen. */
    @Revision("1")
    public record ChildLinkedToFamily(UUID childId, UUID familyId, String firstName, String lastName,
                                      LocalDate birthDate, UUID schoolId, UUID classId) {
    }

    @Revision("1")
    public record ChildUnlinkedFromFamily(UUID childId, UUID familyId) {
    }

    @Revision("1")
    public record ChildArchived(UUID childId, Set<UUID> families) {
    }

    @Revision("1")
    public record ChildCareNotesChanged(UUID childId) {
    }

    @Revision("1")
    public record ChildCareNotesErased(UUID childId) {
    }

    @Revision("1")
    public record ChildRequirementsEvaluated(UUID childId, UUID familyId, String schoolYear, List<String> satisfied,
                                             List<String> missing) {
    }
}
