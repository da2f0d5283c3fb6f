package fr.marelle.children.school;

import fr.marelle.children.calendar.SchoolYear;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Facts about a school and its classes. Who did it, when and from where is in each event's metadata. */
public final class SchoolEvents {

    private SchoolEvents() {
    }

    @Revision("1")
    public record SchoolOpened(UUID schoolId, String name, SchoolKind kind, int minAge, int maxAge) {
    }

    @Revision("1")
    public record SchoolDetailsChanged(UUID schoolId, String name, SchoolKind kind, int minAge, int maxAge) {
    }

    @Revision("1")
    public record SchoolClosed(UUID schoolId) {
    }

    @Revision("1")
    public record SchoolReopened(UUID schoolId) {
    }

    @Revision("1")
    public record ClassAdded(UUID schoolId, UUID classId, SchoolYear schoolYear, String name, String level) {
    }

    @Revision("1")
    public record ClassChanged(UUID schoolId, UUID classId, String name, String level) {
    }

    @Revision("1")
    public record ClassRemoved(UUID schoolId, UUID classId) {
    }
}
