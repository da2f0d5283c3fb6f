package fr.marelle.accounts.integration;

import fr.marelle.accounts.family.FamilyEvents.FamilyFileOpened;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.platform.audit.AuditMetadata;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.integration.IntegrationEventMapper;
import fr.marelle.platform.integration.OutgoingIntegrationEvent;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/** The accounts context's public events, from its internal ones. */
@Component
class AccountsPublishedEvents implements IntegrationEventMapper {

    @Override
    public List<OutgoingIntegrationEvent> map(EventMessage<?> event) {
        if (event.getPayload() instanceof FamilyFileOpened opened) {
            Object role = event.getMetaData().get(AuditMetadata.ACTOR_ROLE);
            String registeredBy = role != null && Role.valueOf(role.toString()).isStaff() ? "STAFF" : "PARENT";
            FamilyRegistered published = new FamilyRegistered(opened.familyId().toString(),
                    opened.guardianId().toString(), opened.firstName(), opened.lastName(), opened.email(),
                    opened.language(), registeredBy, event.getTimestamp());
            return List.of(new OutgoingIntegrationEvent(FamilyRegistered.TYPE.topic(),
                    FamilyRegistered.TYPE.qualifiedName(), opened.familyId().toString(), published));
        }
        return List.of();
    }
}
