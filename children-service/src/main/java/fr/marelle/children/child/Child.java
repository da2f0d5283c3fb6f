package fr.marelle.children.child;

import fr.marelle.children.child.ChildCommands.ArchiveChild;
import fr.marelle.children.child.ChildCommands.LinkChildToFamily;
import fr.marelle.children.child.ChildCommands.RecordCareNotesChange;
import fr.marelle.children.child.ChildCommands.RecordCareNotesErasure;
import fr.marelle.children.child.ChildCommands.RecordRequirements;
import fr.marelle.children.child.ChildCommands.RegisterChild;
import fr.marelle.children.child.ChildCommands.UnlinkChildFromFamily;
import fr.marelle.children.child.ChildCommands.UpdateChildDetails;
import fr.marelle.children.child.ChildEvents.ChildArchived;
import fr.marelle.children.child.ChildEvents.ChildCareNotesChanged;
import fr.marelle.children.child.ChildEvents.ChildCareNotesErased;
import fr.marelle.children.child.ChildEvents.ChildDetailsChanged;
import fr.marelle.children.child.ChildEvents.ChildLinkedToFamily;
import fr.marelle.children.child.ChildEvents.ChildRegistered;
import fr.marelle.children.child.ChildEvents.ChildRequirementsEvaluated;
import fr.marelle.children.child.ChildEvents.ChildUnlinkedFromFamily;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A child using the town's services: identity, school and class, the families it belongs to (a set: separated
 * parents each have theirs), and what it has that services may require. Health and diet notes live outside events.
 */
@Aggregate
public class Child {

    private record Evaluation(String schoolYear, List<String> satisfied, List<String> missing) {
    }

    @AggregateIdentifier
    private UUID childId;
    private final Set<UUID> families = new LinkedHashSet<>();
    private String firstName;
    private String lastName;
    private LocalDate birthDate;
    private UUID schoolId;
    private UUID classId;
    private boolean archived;
    private final Map<UUID, Evaluation> evaluations = new HashMap<>();

    protected Child() {
    }

    @CommandHandler
    public Child(RegisterChild command) {
        ChildRules.namesAreGiven(command.firstName(), command.lastName());
        ChildRules.birthDateIsPlausible(command.birthDate(), command.today());
        ChildRules.schoolIsOpen(command.school());
        ChildRules.ageFitsTheSchool(command.birthDate(), command.school());
        apply(new ChildRegistered(command.childId(), command.familyId(), command.firstName().strip(),
                command.lastName().strip(), command.birthDate(), command.school().schoolId()));
    }

    @CommandHandler
    void handle(UpdateChildDetails command) {
        ChildRules.isNotArchived(archived);
        ChildRules.namesAreGiven(command.firstName(), command.lastName());
        ChildRules.birthDateIsPlausible(command.birthDate(), command.today());
        if (!command.school().schoolId().equals(schoolId)) {
            ChildRules.schoolIsOpen(command.school());
        }
        ChildRules.ageFitsTheSchool(command.birthDate(), command.school());
        ChildRules.classIsOneOfTheYear(command.classId(), command.school());
        ChildDetailsChanged changed = new ChildDetailsChanged(childId, Set.copyOf(families),
                command.firstName().strip(), command.lastName().strip(), command.birthDate(),
                command.school().schoolId(), command.classId());
        if (!changed.firstName().equals(firstName) || !changed.lastName().equals(lastName)
                || !changed.birthDate().equals(birthDate) || !changed.schoolId().equals(schoolId)
                || !Objects.equals(changed.classId(), classId)) {
            apply(changed);
        }
    }

    @CommandHandler
    void handle(LinkChildToFamily command) {
        ChildRules.isNotArchived(archived);
        if (!families.contains(command.familyId())) {
            apply(new ChildLinkedToFamily(childId, command.familyId(), firstName, lastName, birthDate, schoolId,
                    classId));
        }
    }

    @CommandHandler
    void handle(UnlinkChildFromFamily command) {
        ChildRules.keepsOneFamily(families, command.familyId());
        if (families.contains(command.familyId())) {
            apply(new ChildUnlinkedFromFamily(childId, command.familyId()));
        }
    }

    @CommandHandler
    void handle(ArchiveChild command) {
        if (!archived) {
            apply(new ChildArchived(childId, Set.copyOf(families)));
        }
    }

    @CommandHandler
    void handle(RecordCareNotesChange command) {
        ChildRules.isNotArchived(archived);
        apply(new ChildCareNotesChanged(childId));
    }

    /** Allowed on an archived child too: the right to erasure outlives the use of the services. */
    @CommandHandler
    void handle(RecordCareNotesErasure command) {
        apply(new ChildCareNotesErased(childId));
    }

    /** Recorded (and published) only when something changed for that family. */
    @CommandHandler
    void handle(RecordRequirements command) {
        if (archived || !families.contains(command.familyId())) {
            return;
        }
        Evaluation next = new Evaluation(command.schoolYear(), List.copyOf(command.satisfied()),
                List.copyOf(command.missing()));
        if (!next.equals(evaluations.get(command.familyId()))) {
            apply(new ChildRequirementsEvaluated(childId, command.familyId(), next.schoolYear(), next.satisfied(),
                    next.missing()));
        }
    }

    @EventSourcingHandler
    void on(ChildRegistered event) {
        childId = event.childId();
        families.add(event.familyId());
        firstName = event.firstName();
        lastName = event.lastName();
        birthDate = event.birthDate();
        schoolId = event.schoolId();
    }

    @EventSourcingHandler
    void on(ChildDetailsChanged event) {
        firstName = event.firstName();
        lastName = event.lastName();
        birthDate = event.birthDate();
        schoolId = event.schoolId();
        classId = event.classId();
    }

    @EventSourcingHandler
    void on(ChildLinkedToFamily event) {
        families.add(event.familyId());
    }

    @EventSourcingHandler
    void on(ChildUnlinkedFromFamily event) {
        families.remove(event.familyId());
        evaluations.remove(event.familyId());
    }

    @EventSourcingHandler
    void on(ChildArchived event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(ChildRequirementsEvaluated event) {
        evaluations.put(event.familyId(), new Evaluation(event.schoolYear(), event.satisfied(), event.missing()));
    }
}
