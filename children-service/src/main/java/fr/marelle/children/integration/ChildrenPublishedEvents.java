package fr.marelle.children.integration;

import fr.marelle.children.child.ChildEvents;
import fr.marelle.children.document.DocumentEvents;
import fr.marelle.children.document.DocumentKinds;
import fr.marelle.children.school.SchoolEvents;
import fr.marelle.contracts.ContractType;
import fr.marelle.contracts.children.ChildArchived;
import fr.marelle.contracts.children.ChildDetailsUpdated;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.children.ChildRequirementsChanged;
import fr.marelle.contracts.children.DocumentReviewed;
import fr.marelle.contracts.children.QuotientFamilialAttested;
import fr.marelle.contracts.children.SchoolChanged;
import fr.marelle.platform.integration.IntegrationEventMapper;
import fr.marelle.platform.integration.OutgoingIntegrationEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The children context's public events, from its internal ones. A child's facts are published once for each family
 * it belongs to, keyed by that family, so that each family's facts arrive in order: a second family (separated
 * parents) gets {@code ChildRegistered} when the child is linked to it, and {@code ChildArchived} when it is
 * unlinked. No health or diet data ever crosses, and no file. Reviews by staff become {@code DocumentReviewed}
 * (automatic approvals of kinds nobody reviews do not); an approved QF attestation becomes
 * {@code QuotientFamilialAttested}.
 */
@Component
class ChildrenPublishedEvents implements IntegrationEventMapper {

    private final EventStore events;

    ChildrenPublishedEvents(EventStore events) {
        this.events = events;
    }

    @Override
    public List<OutgoingIntegrationEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof ChildEvents.ChildRegistered e) {
            return one(ChildRegistered.TYPE, e.familyId(), new ChildRegistered(s(e.childId()), s(e.familyId()),
                    e.firstName(), e.lastName(), e.birthDate(), s(e.schoolId()), null));
        }
        if (payload instanceof ChildEvents.ChildLinkedToFamily e) {
            return one(ChildRegistered.TYPE, e.familyId(), new ChildRegistered(s(e.childId()), s(e.familyId()),
                    e.firstName(), e.lastName(), e.birthDate(), s(e.schoolId()), s(e.classId())));
        }
        if (payload instanceof ChildEvents.ChildDetailsChanged e) {
            return perFamily(e.families(), family -> publish(ChildDetailsUpdated.TYPE, family,
                    new ChildDetailsUpdated(s(e.childId()), s(family), e.firstName(), e.lastName(), e.birthDate(),
                            s(e.schoolId()), s(e.classId()))));
        }
        if (payload instanceof ChildEvents.ChildArchived e) {
            return perFamily(e.families(), family -> publish(ChildArchived.TYPE, family,
                    new ChildArchived(s(e.childId()), s(family))));
        }
        if (payload instanceof ChildEvents.ChildUnlinkedFromFamily e) {
            return one(ChildArchived.TYPE, e.familyId(), new ChildArchived(s(e.childId()), s(e.familyId())));
        }
        if (payload instanceof ChildEvents.ChildRequirementsEvaluated e) {
            return one(ChildRequirementsChanged.TYPE, e.familyId(), new ChildRequirementsChanged(s(e.childId()),
                    s(e.familyId()), e.satisfied(), e.missing(), e.schoolYear()));
        }
        if (payload instanceof DocumentEvents.DocumentApproved e) {
            if (e.automatic()) {
                return List.of();
            }
            List<OutgoingIntegrationEvent> out = new ArrayList<>();
            out.add(publish(DocumentReviewed.TYPE, e.familyId(), new DocumentReviewed(s(e.documentId()),
                    s(e.familyId()), s(e.childId()), e.kind(), e.title(), "APPROVED", null, e.validUntil())));
            if (DocumentKinds.QF_ATTESTATION.equals(e.kind()) && e.quotientFamilial() != null) {
                out.add(publish(QuotientFamilialAttested.TYPE, e.familyId(), new QuotientFamilialAttested(
                        s(e.familyId()), s(e.documentId()), e.quotientFamilial(), e.validFrom(), e.validUntil())));
            }
            return out;
        }
        if (payload instanceof DocumentEvents.DocumentRejected e) {
            return one(DocumentReviewed.TYPE, e.familyId(), new DocumentReviewed(s(e.documentId()), s(e.familyId()),
                    s(e.childId()), e.kind(), e.title(), "REJECTED", e.reason(), null));
        }
        if (payload instanceof SchoolEvents.SchoolOpened || payload instanceof SchoolEvents.SchoolDetailsChanged
                || payload instanceof SchoolEvents.SchoolClosed || payload instanceof SchoolEvents.SchoolReopened
                || payload instanceof SchoolEvents.ClassAdded || payload instanceof SchoolEvents.ClassChanged
                || payload instanceof SchoolEvents.ClassRemoved) {
            return school(event);
        }
        return List.of();
    }

    /** The school as it is after this event, replayed from its own stream (read in order by the publisher). */
    private List<OutgoingIntegrationEvent> school(EventMessage<?> event) {
        DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
        String schoolId = domain.getAggregateIdentifier();
        String[] name = {null};
        String[] kind = {null};
        int[] ages = {0, 0};
        boolean[] active = {true};
        Map<UUID, SchoolChanged.SchoolClass> classes = new LinkedHashMap<>();
        events.readEvents(schoolId).asStream().takeWhile(m -> m.getSequenceNumber() <= domain.getSequenceNumber())
                .map(EventMessage::getPayload).forEach(p -> {
                    if (p instanceof SchoolEvents.SchoolOpened o) {
                        name[0] = o.name();
                        kind[0] = o.kind().name();
                        ages[0] = o.minAge();
                        ages[1] = o.maxAge();
                    } else if (p instanceof SchoolEvents.SchoolDetailsChanged c) {
                        name[0] = c.name();
                        kind[0] = c.kind().name();
                        ages[0] = c.minAge();
                        ages[1] = c.maxAge();
                    } else if (p instanceof SchoolEvents.SchoolClosed) {
                        active[0] = false;
                    } else if (p instanceof SchoolEvents.SchoolReopened) {
                        active[0] = true;
                    } else if (p instanceof SchoolEvents.ClassAdded a) {
                        classes.put(a.classId(), new SchoolChanged.SchoolClass(s(a.classId()),
                                a.schoolYear().toString(), a.name(), a.level()));
                    } else if (p instanceof SchoolEvents.ClassChanged c) {
                        SchoolChanged.SchoolClass old = classes.get(c.classId());
                        classes.put(c.classId(), new SchoolChanged.SchoolClass(s(c.classId()),
                                old == null ? null : old.schoolYear(), c.name(), c.level()));
                    } else if (p instanceof SchoolEvents.ClassRemoved r) {
                        classes.remove(r.classId());
                    }
                });
        return List.of(new OutgoingIntegrationEvent(SchoolChanged.TYPE.topic(), SchoolChanged.TYPE.qualifiedName(),
                schoolId, new SchoolChanged(schoolId, name[0], kind[0], ages[0], ages[1], active[0],
                List.copyOf(classes.values()))));
    }

    private static List<OutgoingIntegrationEvent> perFamily(Collection<UUID> families,
                                                            java.util.function.Function<UUID, OutgoingIntegrationEvent> each) {
        return families.stream().sorted().map(each).toList();
    }

    private static List<OutgoingIntegrationEvent> one(ContractType<?> type, UUID key, Object payload) {
        return List.of(publish(type, key, payload));
    }

    private static OutgoingIntegrationEvent publish(ContractType<?> type, UUID key, Object payload) {
        return new OutgoingIntegrationEvent(type.topic(), type.qualifiedName(), Objects.toString(key), payload);
    }

    private static String s(UUID id) {
        return id == null ? null : id.toString();
    }
}
