package fr.marelle.planning.integration;

import fr.marelle.contracts.ContractType;
import fr.marelle.contracts.planning.AttendanceSettled;
import fr.marelle.contracts.planning.BookingsCancelled;
import fr.marelle.contracts.planning.BookingsSubmitted;
import fr.marelle.contracts.planning.ServiceChanged;
import fr.marelle.contracts.planning.ServiceDayCancelled;
import fr.marelle.contracts.planning.WaitlistPlaceGranted;
import fr.marelle.planning.attendance.Register.RegisterClosed;
import fr.marelle.planning.attendance.RegisterService;
import fr.marelle.planning.booking.AllocationEvents.ClosureCancellationsRecorded;
import fr.marelle.planning.booking.BookingEvents;
import fr.marelle.planning.booking.BookingEvents.WaitlistedBookingPromoted;
import fr.marelle.planning.booking.Submission.SubmissionRecorded;
import fr.marelle.planning.catalogue.CatalogueEvents.ServiceOpened;
import fr.marelle.planning.catalogue.CatalogueEvents.ServiceRedefined;
import fr.marelle.planning.catalogue.CatalogueEvents.ServiceReinstated;
import fr.marelle.planning.catalogue.CatalogueEvents.ServiceWithdrawn;
import fr.marelle.planning.catalogue.ServiceDefinition;
import fr.marelle.platform.integration.IntegrationEventMapper;
import fr.marelle.platform.integration.OutgoingIntegrationEvent;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The planning context's public events (contracts/planning), from its internal ones: one {@code BookingsSubmitted}
 * per submission with every child-day and its outcome, one {@code AttendanceSettled} per closed register, and the
 * cancellations, closures, promotions and catalogue changes. Bookings are keyed by family, service-days by
 * {@code serviceId@date}.
 */
@Component
class PlanningPublishedEvents implements IntegrationEventMapper {

    @Override
    public List<OutgoingIntegrationEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof ServiceOpened e) {
            return service(e.serviceId(), e.definition(), true);
        }
        if (payload instanceof ServiceRedefined e) {
            return service(e.serviceId(), e.definition(), e.active());
        }
        if (payload instanceof ServiceWithdrawn e) {
            return service(e.serviceId(), e.definition(), false);
        }
        if (payload instanceof ServiceReinstated e) {
            return service(e.serviceId(), e.definition(), true);
        }
        if (payload instanceof SubmissionRecorded e) {
            String family = e.familyId().toString();
            return one(BookingsSubmitted.TYPE, family, new BookingsSubmitted(e.submissionId().toString(), family,
                    e.submittedAt(), e.lines().stream().map(l -> new BookingsSubmitted.Line(l.bookingId().toString(),
                    l.childId().toString(), l.serviceId(), l.date(), l.outcome())).toList()));
        }
        if (payload instanceof BookingEvents.BookingsCancelled e && !"CLOSURE".equals(e.reason())) {
            String family = e.familyId().toString();
            return one(BookingsCancelled.TYPE, family, new BookingsCancelled(family, e.reason(), e.cancelled().stream()
                    .map(c -> new BookingsCancelled.Cancelled(c.bookingId().toString(), e.childId().toString(),
                            c.serviceId(), c.date())).toList()));
        }
        if (payload instanceof WaitlistedBookingPromoted e) {
            String family = e.familyId().toString();
            return one(WaitlistPlaceGranted.TYPE, family, new WaitlistPlaceGranted(e.bookingId().toString(), family,
                    e.childId().toString(), e.serviceId(), e.date()));
        }
        if (payload instanceof ClosureCancellationsRecorded e && !e.booked().isEmpty()) {
            return one(ServiceDayCancelled.TYPE, e.serviceId() + "@" + e.date(), new ServiceDayCancelled(
                    e.serviceId(), e.date(), e.reason(), e.booked().stream().map(b -> new ServiceDayCancelled.Cancelled(
                    b.bookingId().toString(), b.childId().toString(), b.familyId().toString())).toList()));
        }
        if (payload instanceof RegisterClosed e) {
            return one(AttendanceSettled.TYPE, e.serviceId() + "@" + e.date(), new AttendanceSettled(e.serviceId(),
                    e.date(), RegisterService.NO_SCHOOL.equals(e.schoolKey()) ? null : e.schoolKey(), e.closedAt(),
                    e.records().stream().map(r -> new AttendanceSettled.Record(
                            r.bookingId() == null ? null : r.bookingId().toString(), r.childId().toString(),
                            r.familyId().toString(), r.state(), r.hours())).toList()));
        }
        return List.of();
    }

    private static List<OutgoingIntegrationEvent> service(String serviceId, ServiceDefinition d, boolean active) {
        return one(ServiceChanged.TYPE, serviceId, new ServiceChanged(serviceId, d.code(), d.name(), d.cesuClass(),
                d.unit(), d.hoursPerUnit(), active));
    }

    private static List<OutgoingIntegrationEvent> one(ContractType<?> type, String key, Object payload) {
        return List.of(new OutgoingIntegrationEvent(type.topic(), type.qualifiedName(), key, payload));
    }
}
