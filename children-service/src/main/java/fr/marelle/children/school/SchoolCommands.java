package fr.marelle.children.school;

import fr.marelle.children.calendar.SchoolYear;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** What staff may ask of a school. */
public final class SchoolCommands {

    private SchoolCommands() {
    }

    public record OpenSchool(@TargetAggregateIdentifier UUID schoolId, String name, SchoolKind kind, int minAge,
                             int maxAge) {
    }

    public record ChangeSchool(@TargetAggregateIdentifier UUID schoolId, String name, SchoolKind kind, int minAge,
                               int maxAge) {
    }

    /** A school that no longer takes children: its children keep it, no new child chooses it. */
    public record CloseSchool(@TargetAggregateIdentifier UUID schoolId) {
    }

    public record ReopenSchool(@TargetAggregateIdentifier UUID schoolId) {
    }

    public record AddClass(@TargetAggregateIdentifier UUID schoolId, UUID classId, SchoolYear schoolYear, String name,
                           String level) {
    }

    public record ChangeClass(@TargetAggregateIdentifier UUID schoolId, UUID classId, String name, String level) {
    }

    /** Checked by the service first: no child may be in it. */
    public record RemoveClass(@TargetAggregateIdentifier UUID schoolId, UUID classId) {
    }
}
