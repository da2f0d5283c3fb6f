package fr.marelle.planning.booking;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import fr.marelle.planning.booking.AllocationCommands.AllocatePlaces;
import fr.marelle.planning.booking.AllocationCommands.ClosedBooking;
import fr.marelle.planning.booking.AllocationCommands.CloseServiceDay;
import fr.marelle.planning.booking.AllocationCommands.GrantFreePlaces;
import fr.marelle.planning.booking.AllocationCommands.PlaceRequest;
import fr.marelle.planning.booking.AllocationCommands.RecordClosureCancellations;
import fr.marelle.planning.booking.AllocationCommands.ReleasePlaces;
import fr.marelle.planning.booking.AllocationCommands.ReopenServiceDay;
import fr.marelle.planning.booking.AllocationEvents.ClosureCancellationsRecorded;
import fr.marelle.planning.booking.AllocationEvents.PlacesAllocated;
import fr.marelle.planning.booking.AllocationEvents.PlacesReleased;
import fr.marelle.planning.booking.AllocationEvents.ServiceDayClosed;
import fr.marelle.planning.booking.AllocationEvents.ServiceDayReopened;
import fr.marelle.planning.booking.AllocationEvents.WaitlistEntry;
import fr.marelle.planning.booking.AllocationEvents.WaitlistPlacesGranted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The places of one service on one day (per school when the service counts them so): how many are taken and who
 * waits, nothing more. It is the only writer of that count, so capacity stays exact; it is small, cached and
 * snapshotted, and it allocates a whole batch of submissions in one event (DESIGN §6). The bookings themselves live
 * with each child ({@link ChildMonth}), so families never contend with each other.
 */
@Aggregate(cache = "allocatorCache", snapshotTriggerDefinition = "allocatorSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ServiceDayAllocator {

    public static final String BOOKED = "BOOKED";
    public static final String WAITLISTED = "WAITLISTED";

    @AggregateIdentifier
    private String dayId;
    private String serviceId;
    private LocalDate date;
    private String pool;
    private int booked;
    private final LinkedHashMap<UUID, WaitlistEntry> waitlist = new LinkedHashMap<>();
    private long nextTicket;
    private boolean closed;
    private String closureReason;

    protected ServiceDayAllocator() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Map<UUID, String> handle(AllocatePlaces command) {
        AllocationRules.dayIsOpen(closed, closureReason);
        List<PlaceRequest> granted = new ArrayList<>();
        List<WaitlistEntry> waiting = new ArrayList<>();
        int free = AllocationRules.freePlaces(command.capacity(), booked, waitlist.size());
        long ticket = nextTicket;
        Map<UUID, String> outcomes = new LinkedHashMap<>();
        for (PlaceRequest request : command.requests()) {
            if (granted.size() < free) {
                granted.add(request);
                outcomes.put(request.bookingId(), BOOKED);
            } else {
                waiting.add(new WaitlistEntry(request.bookingId(), request.childId(), request.familyId(), ticket++));
                outcomes.put(request.bookingId(), WAITLISTED);
            }
        }
        apply(new PlacesAllocated(command.dayId(), command.serviceId(), command.date(), command.pool(),
                command.capacity(), granted, waiting));
        return outcomes;
    }

    @CommandHandler
    List<WaitlistEntry> handle(ReleasePlaces command) {
        Set<UUID> leaving = new HashSet<>(command.leftWaitlist());
        leaving.retainAll(waitlist.keySet());
        int released = Math.min(command.released().size(), booked);
        if (released > 0 || !leaving.isEmpty()) {
            apply(new PlacesReleased(dayId, command.released(), List.copyOf(leaving)));
        }
        return grant(command.capacity());
    }

    @CommandHandler
    List<WaitlistEntry> handle(GrantFreePlaces command) {
        return grant(command.capacity());
    }

    /** While the day is open, each free place goes to the first in line. */
    private List<WaitlistEntry> grant(int capacity) {
        if (closed || waitlist.isEmpty()) {
            return List.of();
        }
        int free = Math.max(0, capacity - booked);
        List<WaitlistEntry> granted = waitlist.values().stream().limit(free).toList();
        if (!granted.isEmpty()) {
            apply(new WaitlistPlacesGranted(dayId, granted));
        }
        return granted;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CloseServiceDay command) {
        AllocationRules.closureHasAReason(command.reason());
        if (!closed) {
            apply(new ServiceDayClosed(command.dayId(), command.serviceId(), command.date(), command.pool(),
                    command.reason().strip()));
        }
    }

    @CommandHandler
    void handle(RecordClosureCancellations command) {
        AllocationRules.onlyAClosedDayCancelsItsBookings(closed);
        if (!command.booked().isEmpty() || !command.waitlisted().isEmpty()) {
            apply(new ClosureCancellationsRecorded(dayId, serviceId, date, closureReason, command.booked(),
                    command.waitlisted()));
        }
    }

    @CommandHandler
    void handle(ReopenServiceDay command) {
        if (closed) {
            apply(new ServiceDayReopened(dayId));
        }
    }

    @EventSourcingHandler
    void on(PlacesAllocated event) {
        dayId = event.dayId();
        serviceId = event.serviceId();
        date = event.date();
        pool = event.pool();
        booked += event.booked().size();
        for (WaitlistEntry entry : event.waitlisted()) {
            waitlist.put(entry.bookingId(), entry);
            nextTicket = Math.max(nextTicket, entry.ticket() + 1);
        }
    }

    @EventSourcingHandler
    void on(PlacesReleased event) {
        booked = Math.max(0, booked - event.released().size());
        event.leftWaitlist().forEach(waitlist::remove);
    }

    @EventSourcingHandler
    void on(WaitlistPlacesGranted event) {
        event.granted().forEach(entry -> waitlist.remove(entry.bookingId()));
        booked += event.granted().size();
    }

    @EventSourcingHandler
    void on(ServiceDayClosed event) {
        dayId = event.dayId();
        serviceId = event.serviceId();
        date = event.date();
        pool = event.pool();
        closed = true;
        closureReason = event.reason();
    }

    @EventSourcingHandler
    void on(ClosureCancellationsRecorded event) {
        booked = Math.max(0, booked - event.booked().size());
        event.waitlisted().forEach(waitlist::remove);
    }

    @EventSourcingHandler
    void on(ServiceDayReopened event) {
        closed = false;
        closureReason = null;
    }


}
