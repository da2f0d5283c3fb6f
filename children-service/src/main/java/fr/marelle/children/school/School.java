package fr.marelle.children.school;

import fr.marelle.children.calendar.SchoolYear;
import fr.marelle.children.school.SchoolCommands.AddClass;
import fr.marelle.children.school.SchoolCommands.ChangeClass;
import fr.marelle.children.school.SchoolCommands.ChangeSchool;
import fr.marelle.children.school.SchoolCommands.CloseSchool;
import fr.marelle.children.school.SchoolCommands.OpenSchool;
import fr.marelle.children.school.SchoolCommands.RemoveClass;
import fr.marelle.children.school.SchoolCommands.ReopenSchool;
import fr.marelle.children.school.SchoolEvents.ClassAdded;
import fr.marelle.children.school.SchoolEvents.ClassChanged;
import fr.marelle.children.school.SchoolEvents.ClassRemoved;
import fr.marelle.children.school.SchoolEvents.SchoolClosed;
import fr.marelle.children.school.SchoolEvents.SchoolDetailsChanged;
import fr.marelle.children.school.SchoolEvents.SchoolOpened;
import fr.marelle.children.school.SchoolEvents.SchoolReopened;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A school of the town (maternelle or élémentaire), the ages it takes, and its classes per school year. */
@Aggregate
public class School {

    private record ClassState(SchoolYear schoolYear, String name, String level) {
    }

    @AggregateIdentifier
    private UUID schoolId;
    private SchoolKind kind;
    private boolean active;
    private final Map<UUID, ClassState> classes = new HashMap<>();

    protected School() {
    }

    @CommandHandler
    public School(OpenSchool command) {
        SchoolRules.nameIsGiven(command.name());
        SchoolRules.kindIsGiven(command.kind());
        SchoolRules.ageRangeIsSensible(command.minAge(), command.maxAge());
        apply(new SchoolOpened(command.schoolId(), command.name().strip(), command.kind(), command.minAge(),
                command.maxAge()));
    }

    @CommandHandler
    void handle(ChangeSchool command) {
        SchoolRules.nameIsGiven(command.name());
        SchoolRules.kindIsGiven(command.kind());
        SchoolRules.ageRangeIsSensible(command.minAge(), command.maxAge());
        if (command.kind() != kind) {
            classes.values().forEach(c -> SchoolRules.levelFitsTheSchool(command.kind(), c.level()));
        }
        apply(new SchoolDetailsChanged(schoolId, command.name().strip(), command.kind(), command.minAge(),
                command.maxAge()));
    }

    @CommandHandler
    void handle(CloseSchool command) {
        if (active) {
            apply(new SchoolClosed(schoolId));
        }
    }

    @CommandHandler
    void handle(ReopenSchool command) {
        if (!active) {
            apply(new SchoolReopened(schoolId));
        }
    }

    @CommandHandler
    void handle(AddClass command) {
        SchoolRules.classNameIsGiven(command.name());
        SchoolRules.levelFitsTheSchool(kind, command.level());
        SchoolRules.classNameIsUniqueInItsYear(classes.values().stream()
                .filter(c -> c.schoolYear().equals(command.schoolYear())).map(ClassState::name).toList(),
                command.name());
        apply(new ClassAdded(schoolId, command.classId(), command.schoolYear(), command.name().strip(),
                command.level()));
    }

    @CommandHandler
    void handle(ChangeClass command) {
        ClassState current = classes.get(command.classId());
        SchoolRules.classExists(current != null);
        SchoolRules.classNameIsGiven(command.name());
        SchoolRules.levelFitsTheSchool(kind, command.level());
        SchoolRules.classNameIsUniqueInItsYear(classes.entrySet().stream()
                .filter(e -> !e.getKey().equals(command.classId()))
                .filter(e -> e.getValue().schoolYear().equals(current.schoolYear()))
                .map(e -> e.getValue().name()).toList(), command.name());
        apply(new ClassChanged(schoolId, command.classId(), command.name().strip(), command.level()));
    }

    @CommandHandler
    void handle(RemoveClass command) {
        SchoolRules.classExists(classes.containsKey(command.classId()));
        apply(new ClassRemoved(schoolId, command.classId()));
    }

    @EventSourcingHandler
    void on(SchoolOpened event) {
        schoolId = event.schoolId();
        kind = event.kind();
        active = true;
    }

    @EventSourcingHandler
    void on(SchoolDetailsChanged event) {
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(SchoolClosed event) {
        active = false;
    }

    @EventSourcingHandler
    void on(SchoolReopened event) {
        active = true;
    }

    @EventSourcingHandler
    void on(ClassAdded event) {
        classes.put(event.classId(), new ClassState(event.schoolYear(), event.name(), event.level()));
    }

    @EventSourcingHandler
    void on(ClassChanged event) {
        ClassState c = classes.get(event.classId());
        classes.put(event.classId(), new ClassState(c.schoolYear(), event.name(), event.level()));
    }

    @EventSourcingHandler
    void on(ClassRemoved event) {
        classes.remove(event.classId());
    }
}
