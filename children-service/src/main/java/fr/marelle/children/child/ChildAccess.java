package fr.marelle.children.child;

import fr.marelle.children.child.ChildEvents.ChildArchived;
import fr.marelle.children.child.ChildEvents.ChildDetailsChanged;
import fr.marelle.children.child.ChildEvents.ChildLinkedToFamily;
import fr.marelle.children.child.ChildEvents.ChildRegistered;
import fr.marelle.children.child.ChildEvents.ChildUnlinkedFromFamily;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see or change a child: the families it belongs to, and staff. Decided from the child's own events, which
 * are never behind (a child added a moment ago is already there), so that another family's child, or an id that
 * was guessed, answers 404 exactly like an unknown one.
 */
@Component
public class ChildAccess {

    /** The child as its events tell it now. */
    public record ChildState(UUID childId, Set<UUID> families, String firstName, String lastName, LocalDate birthDate,
                             UUID schoolId, UUID classId, boolean archived) {
    }

    private final EventStore events;

    ChildAccess(EventStore events) {
        this.events = events;
    }

    public Optional<ChildState> state(UUID childId) {
        ChildState[] state = {null};
        events.readEvents(childId.toString()).asStream().map(EventMessage::getPayload).forEach(p -> {
            ChildState s = state[0];
            if (p instanceof ChildRegistered r) {
                state[0] = new ChildState(r.childId(), new LinkedHashSet<>(Set.of(r.familyId())), r.firstName(),
                        r.lastName(), r.birthDate(), r.schoolId(), null, false);
            } else if (s != null && p instanceof ChildDetailsChanged d) {
                state[0] = new ChildState(s.childId(), s.families(), d.firstName(), d.lastName(), d.birthDate(),
                        d.schoolId(), d.classId(), s.archived());
            } else if (s != null && p instanceof ChildLinkedToFamily l) {
                s.families().add(l.familyId());
            } else if (s != null && p instanceof ChildUnlinkedFromFamily u) {
                s.families().remove(u.familyId());
            } else if (s != null && p instanceof ChildArchived) {
                state[0] = new ChildState(s.childId(), s.families(), s.firstName(), s.lastName(), s.birthDate(),
                        s.schoolId(), s.classId(), true);
            }
        });
        return Optional.ofNullable(state[0]).map(s -> new ChildState(s.childId(), Set.copyOf(s.families()),
                s.firstName(), s.lastName(), s.birthDate(), s.schoolId(), s.classId(), s.archived()));
    }

    /** The child, if the caller may see it: a parent of one of its families, or staff. 404 otherwise. */
    public ChildState visible(UUID childId) {
        Actor caller = Callers.current();
        Optional<ChildState> state = state(childId);
        if (state.isEmpty() || caller.role() == Role.PARENT && (caller.familyId() == null
                || !state.get().families().contains(UUID.fromString(caller.familyId())))) {
            throw notFound();
        }
        if (caller.role() == Role.SYSTEM) {
            throw DomainException.forbidden("FORBIDDEN_ROLE", "Votre rôle ne permet pas cette action.");
        }
        return state.get();
    }

    /** The child, if the caller may change it: a parent of one of its families, an administrator or an agent. */
    public ChildState changeable(UUID childId) {
        ChildState state = visible(childId);
        Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT);
        return state;
    }

    public static DomainException notFound() {
        return DomainException.notFound("CHILD_NOT_FOUND", "Enfant introuvable.");
    }
}
