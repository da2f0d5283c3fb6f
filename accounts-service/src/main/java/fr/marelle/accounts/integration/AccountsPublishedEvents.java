package fr.marelle.accounts.integration;

import fr.marelle.accounts.family.FamilyEvents;
import fr.marelle.accounts.family.FamilyId;
import fr.marelle.accounts.guardian.GuardianEvents;
import fr.marelle.accounts.guardian.GuardianProfile;
import fr.marelle.accounts.guardian.RegistrationOrigin;
import fr.marelle.accounts.staff.StaffEvents;
import fr.marelle.contracts.ContractType;
import fr.marelle.contracts.accounts.AccountActivated;
import fr.marelle.contracts.accounts.AccountRefused;
import fr.marelle.contracts.accounts.EmailVerificationRequested;
import fr.marelle.contracts.accounts.EmergencyContactsChanged;
import fr.marelle.contracts.accounts.FamilyAddressChanged;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.contracts.accounts.GuardianProfileUpdated;
import fr.marelle.contracts.accounts.GuardianRegistered;
import fr.marelle.contracts.accounts.LoginEmailChangeRequested;
import fr.marelle.contracts.accounts.LoginEmailChanged;
import fr.marelle.contracts.accounts.LoginInvitationSent;
import fr.marelle.contracts.accounts.NewsletterConsentChanged;
import fr.marelle.contracts.accounts.PasswordResetRequested;
import fr.marelle.contracts.accounts.QuotientFamilialChanged;
import fr.marelle.contracts.accounts.RegistrationAttempted;
import fr.marelle.platform.integration.IntegrationEventMapper;
import fr.marelle.platform.integration.OutgoingIntegrationEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts context's public events, from its internal ones; keyed by family so that a family's facts arrive in
 * order. No secret ever crosses: requests carry their id, never a link.
 */
@Component
class AccountsPublishedEvents implements IntegrationEventMapper {

    private final EventStore events;

    AccountsPublishedEvents(EventStore events) {
        this.events = events;
    }

    @Override
    public List<OutgoingIntegrationEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof GuardianEvents.GuardianRegistered e) {
            GuardianProfile p = e.profile();
            String family = e.familyId().toString();
            List<OutgoingIntegrationEvent> out = new ArrayList<>();
            out.add(publish(GuardianRegistered.TYPE, family, new GuardianRegistered(family, e.guardianId().toString(),
                    p.civility() == null ? null : p.civility().name(), p.firstName(), p.lastName(), p.mainPhone(),
                    p.secondaryPhone(), e.loginEmail(), p.notificationEmail(), p.language(), e.newsletterConsent(),
                    e.origin().name())));
            if (firstGuardianOf(e.familyId(), e.guardianId().toString())) {
                out.add(publish(FamilyRegistered.TYPE, family, new FamilyRegistered(family,
                        e.guardianId().toString(), p.firstName(), p.lastName(),
                        e.loginEmail() != null ? e.loginEmail() : p.notificationEmail(), p.language(),
                        e.origin() == RegistrationOrigin.SELF ? "PARENT" : "STAFF", event.getTimestamp())));
            }
            return out;
        }
        if (payload instanceof GuardianEvents.GuardianProfileUpdated e) {
            GuardianProfile p = e.profile();
            String family = e.familyId().toString();
            return one(GuardianProfileUpdated.TYPE, family, new GuardianProfileUpdated(family,
                    e.guardianId().toString(), p.civility() == null ? null : p.civility().name(), p.firstName(),
                    p.lastName(), p.mainPhone(), p.secondaryPhone(), p.notificationEmail(), p.secondaryEmail(),
                    p.language()));
        }
        if (payload instanceof GuardianEvents.NewsletterConsentChanged e) {
            return one(NewsletterConsentChanged.TYPE, e.familyId().toString(), new NewsletterConsentChanged(
                    e.familyId().toString(), e.guardianId().toString(), e.consent()));
        }
        if (payload instanceof GuardianEvents.EmailVerificationRequested e) {
            return one(EmailVerificationRequested.TYPE, e.familyId().toString(), new EmailVerificationRequested(
                    e.familyId().toString(), e.guardianId().toString(), e.email(), e.requestId(), e.expiresAt()));
        }
        if (payload instanceof GuardianEvents.AccountActivated e) {
            return one(AccountActivated.TYPE, e.familyId().toString(),
                    new AccountActivated(e.familyId().toString(), e.guardianId().toString()));
        }
        if (payload instanceof GuardianEvents.AccountRefused e) {
            return one(AccountRefused.TYPE, e.familyId().toString(),
                    new AccountRefused(e.familyId().toString(), e.guardianId().toString(), e.reason()));
        }
        if (payload instanceof GuardianEvents.PasswordResetRequested e) {
            return one(PasswordResetRequested.TYPE, e.familyId().toString(), new PasswordResetRequested(
                    e.familyId().toString(), e.guardianId().toString(), e.email(), e.requestId(), e.expiresAt()));
        }
        if (payload instanceof GuardianEvents.LoginEmailChangeRequested e) {
            return one(LoginEmailChangeRequested.TYPE, e.familyId().toString(), new LoginEmailChangeRequested(
                    e.familyId().toString(), e.guardianId().toString(), e.newEmail(), e.requestId(), e.expiresAt()));
        }
        if (payload instanceof GuardianEvents.LoginEmailChanged e) {
            return one(LoginEmailChanged.TYPE, e.familyId().toString(), new LoginEmailChanged(
                    e.familyId().toString(), e.guardianId().toString(), e.previousEmail(), e.newEmail()));
        }
        if (payload instanceof GuardianEvents.RegistrationAttemptedWithExistingEmail e) {
            return one(RegistrationAttempted.TYPE, e.familyId().toString(), new RegistrationAttempted(
                    e.familyId().toString(), e.guardianId().toString(), e.email()));
        }
        if (payload instanceof GuardianEvents.LoginInvitationSent e) {
            return one(LoginInvitationSent.TYPE, e.familyId().toString(), new LoginInvitationSent(
                    e.familyId().toString(), e.guardianId().toString(), e.loginEmail(), e.firstName(), e.requestId(),
                    e.expiresAt(), false));
        }
        if (payload instanceof GuardianEvents.LoginInvitationAccepted e) {
            // the invited guardian now logs in with this address: for consumers, a login address that changed
            return one(LoginEmailChanged.TYPE, e.familyId().toString(), new LoginEmailChanged(
                    e.familyId().toString(), e.guardianId().toString(), null, e.loginEmail()));
        }
        if (payload instanceof StaffEvents.StaffInvitationSent e) {
            return one(LoginInvitationSent.TYPE, e.staffId().toString(), new LoginInvitationSent(null,
                    e.staffId().toString(), e.email(), e.firstName(), e.requestId(), e.expiresAt(), true));
        }
        if (payload instanceof FamilyEvents.FamilyFileOpened e) {
            return address(e.familyId(), e.address());
        }
        if (payload instanceof FamilyEvents.FamilyAddressChanged e) {
            return address(e.familyId(), e.address());
        }
        if (payload instanceof FamilyEvents.QuotientFamilialDeclared
                || payload instanceof FamilyEvents.CafNumberChanged) {
            return cafInformation(familyOf(payload), sequenceOf(event));
        }
        if (payload instanceof FamilyEvents.EmergencyContactAdded
                || payload instanceof FamilyEvents.EmergencyContactUpdated
                || payload instanceof FamilyEvents.EmergencyContactRemoved) {
            return contacts(familyOf(payload), sequenceOf(event));
        }
        return List.of();
    }

    private List<OutgoingIntegrationEvent> address(FamilyId familyId, fr.marelle.accounts.family.Address address) {
        String family = familyId.toString();
        return one(FamilyAddressChanged.TYPE, family, new FamilyAddressChanged(family, address.line1(),
                address.line2(), address.postcode(), address.city()));
    }

    /**
     * The family's CAF information and contacts as of this event: replayed from the family's own stream, which the
     * publisher reads in order, so a consumer always gets a complete state.
     */
    private List<OutgoingIntegrationEvent> cafInformation(FamilyId familyId, long upTo) {
        String[] caf = {null};
        Integer[] qf = {null};
        history(familyId, upTo).forEach(m -> {
            if (m.getPayload() instanceof FamilyEvents.CafNumberChanged c) {
                caf[0] = c.cafNumber();
            } else if (m.getPayload() instanceof FamilyEvents.QuotientFamilialDeclared q) {
                qf[0] = q.quotientFamilial();
            }
        });
        String family = familyId.toString();
        return one(QuotientFamilialChanged.TYPE, family, new QuotientFamilialChanged(family, qf[0], caf[0]));
    }

    private List<OutgoingIntegrationEvent> contacts(FamilyId familyId, long upTo) {
        Map<String, EmergencyContactsChanged.Contact> contacts = new LinkedHashMap<>();
        history(familyId, upTo).forEach(m -> {
            if (m.getPayload() instanceof FamilyEvents.EmergencyContactAdded a) {
                contacts.put(a.contact().contactId().toString(), contact(a.contact()));
            } else if (m.getPayload() instanceof FamilyEvents.EmergencyContactUpdated u) {
                contacts.put(u.contact().contactId().toString(), contact(u.contact()));
            } else if (m.getPayload() instanceof FamilyEvents.EmergencyContactRemoved r) {
                contacts.remove(r.contactId().toString());
            }
        });
        String family = familyId.toString();
        return one(EmergencyContactsChanged.TYPE, family,
                new EmergencyContactsChanged(family, List.copyOf(contacts.values())));
    }

    private java.util.stream.Stream<? extends DomainEventMessage<?>> history(FamilyId familyId, long upTo) {
        return events.readEvents(familyId.toString()).asStream().takeWhile(m -> m.getSequenceNumber() <= upTo);
    }

    private static long sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : Long.MAX_VALUE;
    }

    private static EmergencyContactsChanged.Contact contact(fr.marelle.accounts.family.EmergencyContact c) {
        return new EmergencyContactsChanged.Contact(c.contactId().toString(), c.name(), c.phone(),
                c.canPickUpChildren());
    }

    private boolean firstGuardianOf(FamilyId familyId, String guardianId) {
        return events.readEvents(familyId.toString()).asStream()
                .map(EventMessage::getPayload)
                .filter(FamilyEvents.GuardianJoinedFamily.class::isInstance)
                .map(p -> ((FamilyEvents.GuardianJoinedFamily) p).guardianId().toString())
                .findFirst().map(guardianId::equals).orElse(false);
    }

    private static FamilyId familyOf(Object payload) {
        if (payload instanceof FamilyEvents.QuotientFamilialDeclared e) {
            return e.familyId();
        }
        if (payload instanceof FamilyEvents.CafNumberChanged e) {
            return e.familyId();
        }
        if (payload instanceof FamilyEvents.EmergencyContactAdded e) {
            return e.familyId();
        }
        if (payload instanceof FamilyEvents.EmergencyContactUpdated e) {
            return e.familyId();
        }
        return ((FamilyEvents.EmergencyContactRemoved) payload).familyId();
    }

    private static List<OutgoingIntegrationEvent> one(ContractType<?> type, String key, Object payload) {
        return List.of(publish(type, key, payload));
    }

    private static OutgoingIntegrationEvent publish(ContractType<?> type, String key, Object payload) {
        return new OutgoingIntegrationEvent(type.topic(), type.qualifiedName(), key, payload);
    }
}
