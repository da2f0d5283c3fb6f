package fr.marelle.planning.booking;

import fr.marelle.planning.booking.AllocationCommands.ClosedBooking;
import fr.marelle.planning.booking.AllocationCommands.CloseServiceDay;
import fr.marelle.planning.booking.AllocationCommands.GrantFreePlaces;
import fr.marelle.planning.booking.AllocationCommands.RecordClosureCancellations;
import fr.marelle.planning.booking.AllocationCommands.ReleasePlaces;
import fr.marelle.planning.booking.AllocationCommands.ReopenServiceDay;
import fr.marelle.planning.booking.AllocationEvents.WaitlistEntry;
import fr.marelle.planning.booking.BookingCommands.CancelBookings;
import fr.marelle.planning.booking.BookingCommands.Cancellation;
import fr.marelle.planning.booking.BookingCommands.PromoteFromWaitlist;
import fr.marelle.planning.booking.BookingCommands.ReportAbsence;
import fr.marelle.planning.booking.BookingDesk.DayRequest;
import fr.marelle.planning.booking.BookingDesk.SubmissionJob;
import fr.marelle.planning.booking.BookingDesk.SubmissionResult;
import fr.marelle.planning.booking.BookingEvents.CancelledDay;
import fr.marelle.planning.booking.BookingPlan.Cancellable;
import fr.marelle.planning.booking.BookingPlan.PlannedDay;
import fr.marelle.planning.booking.BookingPlan.SkippedDay;
import fr.marelle.planning.booking.BookingQueries.BookingView;
import fr.marelle.planning.booking.BookingQueries.ServiceDayView;
import fr.marelle.planning.calendar.CalendarView;
import fr.marelle.planning.calendar.DayKind;
import fr.marelle.planning.calendar.SchoolCalendarQueries;
import fr.marelle.planning.catalogue.Deadlines;
import fr.marelle.planning.catalogue.ServiceCatalogue;
import fr.marelle.planning.catalogue.ServiceCatalogue.ServiceView;
import fr.marelle.planning.catalogue.ServiceDefinition;
import fr.marelle.planning.directory.ChildDirectory;
import fr.marelle.planning.directory.ChildDirectory.ChildView;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.ErrorKind;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bookings as parents and staff ask for them: a request is checked whole and worked out into child-days first
 * ({@link #plan}), then written by the {@link BookingDesk}. Bad input is refused with every field at fault; a request
 * is refused whole when a child may not be booked; days that cannot be booked (holidays, closed, past the deadline,
 * already booked) are left out and listed with their reason, and a request that leaves nothing is refused with it.
 */
@Service
public class BookingService {

    /** The booking horizon: one school year at most in one request. */
    static final int MAX_DAYS_IN_REQUEST = 366;
    static final int MAX_CHILDREN = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    public record Submitted(UUID submissionId, List<Line> lines, List<SkippedDay> skipped) {
        public record Line(UUID bookingId, UUID childId, LocalDate date, String outcome) {
        }

        public long booked() {
            return lines.stream().filter(l -> ServiceDayAllocator.BOOKED.equals(l.outcome())).count();
        }

        public long waitlisted() {
            return lines.size() - booked();
        }
    }

    public record Cancelled(List<CancelledDay> cancelled, List<SkippedDay> skipped) {
    }

    private final ServiceCatalogue catalogue;
    private final SchoolCalendarQueries calendar;
    private final ChildDirectory children;
    private final BookingQueries bookings;
    private final BookingDesk desk;
    private final CommandGateway commands;
    private final Clock clock;

    BookingService(ServiceCatalogue catalogue, SchoolCalendarQueries calendar, ChildDirectory children,
                   BookingQueries bookings, BookingDesk desk, CommandGateway commands, Clock clock) {
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.children = children;
        this.bookings = bookings;
        this.desk = desk;
        this.commands = commands;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ planning

    public BookingPlan plan(BookingRequest request) {
        Actor actor = Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT);
        checkFields(request);
        ServiceView service = activeService(request.serviceId());
        ServiceDefinition definition = service.definition();
        CalendarView view = calendar.view();
        weekdaysTheServiceRuns(request.weekdays(), definition);
        UUID familyId = familyOf(actor, request.familyId());
        List<ChildView> kids = childrenOf(familyId, request.childIds());
        calendarKnows(view, request.from(), request.to());
        Instant now = clock.instant();
        List<PlannedDay> days = new ArrayList<>();
        List<Cancellable> cancellations = new ArrayList<>();
        List<SkippedDay> skipped = new ArrayList<>();
        Map<String, ServiceDayView> serviceDays = new HashMap<>();
        if (!request.cancels()) {
            bookings.serviceDays(service.serviceId(), request.from(), request.to())
                    .forEach(d -> serviceDays.put(d.dayId(), d));
        }
        Map<String, BookingView> existing = new HashMap<>();
        bookings.active(request.childIds(), service.serviceId(), request.from(), request.to())
                .forEach(b -> existing.put(b.childId() + "@" + b.day(), b));
        if (!request.cancels()) {
            kids.forEach(child -> bookable(child, definition, service));
        }
        for (ChildView child : kids) {
            String pool = definition.poolFor(child.schoolId() == null ? null : child.schoolId().toString());
            for (LocalDate date = request.from(); !date.isAfter(request.to()); date = date.plusDays(1)) {
                if (!request.weekdays().contains(date.getDayOfWeek())) {
                    continue;
                }
                DayKind kind = view.kindOf(date);
                if (!definition.runsOn().contains(kind)) {
                    skipped.add(new SkippedDay(child.childId(), date, "NOT_RUNNING", notRunning(view, date, kind)));
                    continue;
                }
                String dayId = DayId.of(service.serviceId(), date, pool);
                BookingView booked = existing.get(child.childId() + "@" + date);
                if (request.cancels()) {
                    if (booked == null) {
                        skipped.add(new SkippedDay(child.childId(), date, "NOT_BOOKED", "Aucune réservation."));
                        continue;
                    }
                    Instant deadline = Deadlines.deadline(date, definition.cancellationDeadline(), view).toInstant();
                    Instant limit = ServiceDayAllocator.WAITLISTED.equals(booked.status())
                            ? date.atStartOfDay(Deadlines.PARIS).toInstant() : deadline;
                    if (now.isAfter(limit)) {
                        skipped.add(new SkippedDay(child.childId(), date, "CANCELLATION_DEADLINE_PASSED",
                                "Délai d'annulation dépassé depuis le " + french(limit) + "."));
                    } else {
                        cancellations.add(new Cancellable(booked.bookingId(), child.childId(), date,
                                booked.status(), deadline));
                    }
                    continue;
                }
                Optional<ServiceDayView> day = Optional.ofNullable(serviceDays.get(dayId));
                if (day.isPresent() && day.get().closed()) {
                    skipped.add(new SkippedDay(child.childId(), date, "CLOSED", "Fermé : "
                            + day.get().closureReason() + "."));
                    continue;
                }
                if (booked != null) {
                    skipped.add(new SkippedDay(child.childId(), date, "ALREADY_BOOKED",
                            ServiceDayAllocator.WAITLISTED.equals(booked.status())
                                    ? "Déjà en liste d'attente." : "Déjà réservé."));
                    continue;
                }
                Instant deadline = Deadlines.deadline(date, definition.bookingDeadline(), view).toInstant();
                if (now.isAfter(deadline)) {
                    skipped.add(new SkippedDay(child.childId(), date, "BOOKING_DEADLINE_PASSED",
                            "Délai de réservation dépassé depuis le " + french(deadline) + "."));
                    continue;
                }
                int capacity = definition.capacityOf(pool);
                boolean full = day.map(d -> d.waitlisted() > 0 || d.booked() >= capacity).orElse(false);
                days.add(new PlannedDay(child.childId(), date, dayId, pool, capacity, deadline, full));
            }
        }
        return new BookingPlan(service.serviceId(), familyId, days, cancellations, skipped);
    }

    /** Books the planned child-days; one submission, one order in billing. */
    public Submitted submit(BookingRequest request) {
        BookingPlan plan = plan(request);
        if (request.cancels()) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.",
                    List.of(new FieldViolation("attendance", "INVALID", "Pour annuler, utilisez « Sera absent ».")));
        }
        if (plan.days().isEmpty()) {
            throw nothingToDo(plan.skipped(), false);
        }
        UUID submissionId = UUID.randomUUID();
        List<DayRequest> days = plan.days().stream().map(d -> new DayRequest(UUID.randomUUID(), d.childId(),
                plan.serviceId(), d.date(), d.dayId(), d.pool(), d.capacity())).toList();
        SubmissionResult result = desk.submit(new SubmissionJob(submissionId, plan.familyId(), clock.instant(), days));
        return new Submitted(submissionId, days.stream().map(d -> new Submitted.Line(d.bookingId(), d.childId(),
                d.date(), result.outcomes().get(d.bookingId()))).toList(), plan.skipped());
    }

    /** "Sera absent": cancels what is booked in the period, before each day's deadline (free). */
    public Cancelled cancel(BookingRequest request) {
        BookingPlan plan = plan(request);
        if (plan.cancellations().isEmpty()) {
            throw nothingToDo(plan.skipped(), true);
        }
        Actor actor = Callers.current();
        List<CancelledDay> cancelled = desk.run(() -> cancelNow(plan.cancellations().stream()
                .map(c -> new Cancelling(c.bookingId(), c.childId(), c.date(), c.deadline())).toList(),
                actor.role() == Role.PARENT ? "FAMILY" : "STAFF"));
        return new Cancelled(cancelled, plan.skipped());
    }

    /** One booking, cancelled by its family or by staff for it. */
    public CancelledDay cancelOne(UUID bookingId) {
        Actor actor = Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT);
        BookingView booking = visibleBooking(bookingId);
        ServiceView service = catalogue.find(booking.serviceId()).orElseThrow(BookingService::bookingNotFound);
        Instant deadline = Deadlines.deadline(booking.day(), service.definition().cancellationDeadline(),
                calendar.view()).toInstant();
        List<CancelledDay> cancelled = desk.run(() -> cancelNow(List.of(new Cancelling(bookingId, booking.childId(),
                booking.day(), deadline)), actor.role() == Role.PARENT ? "FAMILY" : "STAFF"));
        if (cancelled.isEmpty()) {
            throw DomainException.conflict("BOOKING_ALREADY_CANCELLED", "Cette réservation est déjà annulée.");
        }
        return cancelled.get(0);
    }

    private record Cancelling(UUID bookingId, UUID childId, LocalDate date, Instant deadline) {
    }

    /**
     * On the desk's thread: the children's bookings first, then their service-days give the places back, and
     * each freed place goes to the first in line, whose booking is promoted in the same transaction.
     */
    private List<CancelledDay> cancelNow(List<Cancelling> cancellations, String reason) {
        Instant now = clock.instant();
        Map<String, List<Cancellation>> byChildMonth = new LinkedHashMap<>();
        for (Cancelling c : cancellations) {
            byChildMonth.computeIfAbsent(ChildMonthId.of(c.childId(), c.date()), k -> new ArrayList<>())
                    .add(new Cancellation(c.bookingId(), c.deadline()));
        }
        List<CancelledDay> cancelled = new ArrayList<>();
        byChildMonth.forEach((childMonthId, list) -> {
            @SuppressWarnings("unchecked")
            List<CancelledDay> done = (List<CancelledDay>) commands.sendAndWait(
                    new CancelBookings(childMonthId, now, reason, list));
            cancelled.addAll(done);
        });
        Map<String, List<CancelledDay>> byDay = cancelled.stream()
                .collect(Collectors.groupingBy(CancelledDay::dayId, LinkedHashMap::new, Collectors.toList()));
        byDay.forEach((dayId, days) -> {
            ServiceDefinition definition = catalogue.find(days.get(0).serviceId()).orElseThrow().definition();
            String pool = poolOf(dayId);
            @SuppressWarnings("unchecked")
            List<WaitlistEntry> granted = (List<WaitlistEntry>) commands.sendAndWait(new ReleasePlaces(dayId,
                    definition.capacityOf(pool),
                    days.stream().filter(d -> ServiceDayAllocator.BOOKED.equals(d.previousStatus()))
                            .map(CancelledDay::bookingId).toList(),
                    days.stream().filter(d -> ServiceDayAllocator.WAITLISTED.equals(d.previousStatus()))
                            .map(CancelledDay::bookingId).toList()));
            promote(granted, days.get(0).date());
        });
        return cancelled;
    }

    private void promote(List<WaitlistEntry> granted, LocalDate date) {
        for (WaitlistEntry entry : granted) {
            commands.sendAndWait(new PromoteFromWaitlist(ChildMonthId.of(entry.childId(), date), entry.bookingId()));
        }
    }

    /** A sick child on a booked day past the cancellation deadline, with a certificate staff will accept. */
    public void reportAbsence(UUID bookingId, UUID certificateId) {
        Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT);
        BookingView booking = visibleBooking(bookingId);
        ServiceView service = catalogue.find(booking.serviceId()).orElseThrow(BookingService::bookingNotFound);
        Instant deadline = Deadlines.deadline(booking.day(), service.definition().cancellationDeadline(),
                calendar.view()).toInstant();
        desk.run(() -> commands.sendAndWait(new ReportAbsence(ChildMonthId.of(booking.childId(), booking.day()),
                bookingId, certificateId, clock.instant(), deadline)));
    }

    // -------------------------------------------------------------------------------------- staff: service-days

    /**
     * Closes a service on a day (every pool), then cancels its bookings free of charge, in batches; the families
     * are told through the public event. Done again, it finishes what a crash left undone.
     */
    public int closeDay(String serviceId, LocalDate date, String reason) {
        Callers.require(Role.ADMIN, Role.AGENT);
        ServiceView service = catalogue.find(serviceId).orElseThrow(BookingService::serviceNotFound);
        if (date.isBefore(LocalDate.now(clock.withZone(Deadlines.PARIS)))) {
            throw DomainException.rule("DAY_IN_THE_PAST", "Un jour passé ne peut plus être fermé.");
        }
        Set<String> pools = new LinkedHashSet<>();
        pools.add(DayId.WHOLE_DAY);
        pools.addAll(service.definition().schoolCapacities().keySet());
        desk.run(() -> {
            pools.forEach(pool -> commands.sendAndWait(new CloseServiceDay(DayId.of(serviceId, date, pool), serviceId,
                    date, pool, reason)));
            return null;
        });
        int cancelled = 0;
        for (String pool : pools) {
            String dayId = DayId.of(serviceId, date, pool);
            awaitClosureSeen(dayId);
            List<BookingView> active = bookings.activeOfDay(serviceId, date, dayId);
            for (int i = 0; i < active.size(); i += 500) {
                List<BookingView> chunk = active.subList(i, Math.min(active.size(), i + 500));
                cancelled += desk.run(() -> cancelForClosure(dayId, chunk));
            }
        }
        return cancelled;
    }

    private int cancelForClosure(String dayId, List<BookingView> chunk) {
        Instant now = clock.instant();
        Map<String, List<Cancellation>> byChildMonth = new LinkedHashMap<>();
        Map<UUID, BookingView> byId = new HashMap<>();
        for (BookingView b : chunk) {
            byId.put(b.bookingId(), b);
            byChildMonth.computeIfAbsent(ChildMonthId.of(b.childId(), b.day()), k -> new ArrayList<>())
                    .add(new Cancellation(b.bookingId(), now));
        }
        List<ClosedBooking> booked = new ArrayList<>();
        List<UUID> waitlisted = new ArrayList<>();
        byChildMonth.forEach((childMonthId, list) -> {
            @SuppressWarnings("unchecked")
            List<CancelledDay> done = (List<CancelledDay>) commands.sendAndWait(
                    new CancelBookings(childMonthId, now, "CLOSURE", list));
            for (CancelledDay day : done) {
                if (ServiceDayAllocator.BOOKED.equals(day.previousStatus())) {
                    BookingView b = byId.get(day.bookingId());
                    booked.add(new ClosedBooking(b.bookingId(), b.childId(), b.familyId()));
                } else {
                    waitlisted.add(day.bookingId());
                }
            }
        });
        commands.sendAndWait(new RecordClosureCancellations(dayId, booked, waitlisted));
        return booked.size() + waitlisted.size();
    }

    /** The bookings read model has one segment: once it shows the closure, it holds every booking made before. */
    private void awaitClosureSeen(String dayId) {
        Instant until = clock.instant().plus(Duration.ofSeconds(20));
        while (bookings.serviceDay(dayId).map(d -> !d.closed()).orElse(true)) {
            if (clock.instant().isAfter(until)) {
                throw new DomainException(ErrorKind.UNAVAILABLE, "CLOSURE_PENDING", "La fermeture est enregistrée ; "
                        + "l'annulation des réservations n'a pas pu suivre. Refermez le jour pour la terminer.");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public void reopenDay(String serviceId, LocalDate date) {
        Callers.require(Role.ADMIN, Role.AGENT);
        ServiceView service = catalogue.find(serviceId).orElseThrow(BookingService::serviceNotFound);
        Set<String> pools = new LinkedHashSet<>();
        pools.add(DayId.WHOLE_DAY);
        pools.addAll(service.definition().schoolCapacities().keySet());
        desk.run(() -> {
            pools.forEach(pool -> {
                String dayId = DayId.of(serviceId, date, pool);
                if (bookings.serviceDay(dayId).isPresent()) {
                    commands.sendAndWait(new ReopenServiceDay(dayId));
                }
            });
            return null;
        });
    }

    /** After the capacity grew: free places of a service-day go to the first in line. */
    public int grantFreePlaces(String dayId) {
        Callers.require(Role.ADMIN, Role.AGENT);
        ServiceDayView day = bookings.serviceDay(dayId).orElseThrow(() ->
                DomainException.notFound("SERVICE_DAY_NOT_FOUND", "Ce jour n'a aucune réservation."));
        ServiceDefinition definition = catalogue.find(day.serviceId()).orElseThrow().definition();
        return desk.run(() -> {
            @SuppressWarnings("unchecked")
            List<WaitlistEntry> granted = (List<WaitlistEntry>) commands.sendAndWait(
                    new GrantFreePlaces(dayId, definition.capacityOf(day.pool())));
            promote(granted, day.day());
            return granted.size();
        });
    }

    // ------------------------------------------------------------------------------------------------ checks

    private static void checkFields(BookingRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.serviceId() == null || request.serviceId().isBlank()) {
            violations.add(new FieldViolation("serviceId", "REQUIRED", "Choisissez un service."));
        }
        if (request.childIds() == null || request.childIds().isEmpty()) {
            violations.add(new FieldViolation("childIds", "REQUIRED", "Choisissez au moins un enfant."));
        } else if (request.childIds().size() > MAX_CHILDREN || request.childIds().contains(null)
                || new HashSet<>(request.childIds()).size() != request.childIds().size()) {
            violations.add(new FieldViolation("childIds", "INVALID", "La liste des enfants est invalide."));
        }
        if (request.from() == null) {
            violations.add(new FieldViolation("from", "REQUIRED", "La date de début est obligatoire."));
        }
        if (request.to() == null) {
            violations.add(new FieldViolation("to", "REQUIRED", "La date de fin est obligatoire."));
        }
        if (request.from() != null && request.to() != null) {
            if (request.to().isBefore(request.from())) {
                violations.add(new FieldViolation("to", "DATES_OUT_OF_ORDER",
                        "La date de fin doit être postérieure ou égale à la date de début."));
            } else if (ChronoUnit.DAYS.between(request.from(), request.to()) + 1 > MAX_DAYS_IN_REQUEST) {
                violations.add(new FieldViolation("to", "BEYOND_BOOKING_HORIZON",
                        "Une demande couvre au plus une année scolaire (366 jours)."));
            }
        }
        if (request.weekdays() == null || request.weekdays().isEmpty()) {
            violations.add(new FieldViolation("weekdays", "REQUIRED", "Choisissez au moins un jour de la semaine."));
        } else if (!WEEKDAYS.containsAll(request.weekdays())) {
            violations.add(new FieldViolation("weekdays", "INVALID", "Les services fonctionnent du lundi au vendredi."));
        }
        if (request.attendance() != null && !BookingRequest.PRESENT.equals(request.attendance())
                && !BookingRequest.ABSENT.equals(request.attendance())) {
            violations.add(new FieldViolation("attendance", "INVALID", "Choisissez « Sera présent » ou « Sera absent »."));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.", violations);
        }
    }

    private ServiceView activeService(String serviceId) {
        ServiceView service = catalogue.find(serviceId).orElseThrow(BookingService::serviceNotFound);
        if (!service.active()) {
            throw DomainException.rule("SERVICE_WITHDRAWN", "Le service « " + service.definition().name()
                    + " » n'est plus proposé.");
        }
        return service;
    }

    /** A weekday the service can never run on (e.g. Wednesday for a school-day canteen) is bad input. */
    private static void weekdaysTheServiceRuns(Set<DayOfWeek> weekdays, ServiceDefinition definition) {
        Set<DayOfWeek> possible = EnumSet.noneOf(DayOfWeek.class);
        if (definition.runsOn().contains(DayKind.HOLIDAY)) {
            possible.addAll(WEEKDAYS);
        }
        if (definition.runsOn().contains(DayKind.WEDNESDAY)) {
            possible.add(DayOfWeek.WEDNESDAY);
        }
        if (definition.runsOn().contains(DayKind.SCHOOL_DAY)) {
            possible.addAll(CalendarView.FOUR_DAY_WEEK);
        }
        List<DayOfWeek> impossible = weekdays.stream().filter(d -> !possible.contains(d)).sorted().toList();
        if (!impossible.isEmpty()) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.",
                    List.of(new FieldViolation("weekdays", "SERVICE_NOT_RUNNING_ON_WEEKDAY", "Le service « "
                            + definition.name() + " » ne fonctionne pas le " + impossible.stream()
                            .map(BookingService::frenchDay).collect(Collectors.joining(", ")) + ".")));
        }
    }

    private List<ChildView> childrenOf(UUID familyId, List<UUID> childIds) {
        Map<UUID, ChildView> found = children.children(childIds).stream()
                .collect(Collectors.toMap(ChildView::childId, c -> c));
        List<ChildView> kids = new ArrayList<>();
        for (UUID id : childIds) {
            ChildView child = found.get(id);
            if (child == null || !child.familyId().equals(familyId) || child.firstName().isEmpty()) {
                throw DomainException.notFound("CHILD_NOT_FOUND", "Enfant introuvable.");
            }
            kids.add(child);
        }
        return kids;
    }

    /** A child is booked only when it is not archived and has everything the service requires. */
    private static void bookable(ChildView child, ServiceDefinition definition, ServiceView service) {
        if (child.archived()) {
            throw DomainException.rule("CHILD_NOT_BOOKABLE", child.firstName() + " n'utilise plus les services de "
                    + "la ville.");
        }
        Set<String> missing = new java.util.TreeSet<>(definition.requirements());
        missing.removeAll(child.satisfied());
        if (!missing.isEmpty()) {
            throw DomainException.rule("CHILD_NOT_BOOKABLE", child.firstName() + " ne peut pas encore être inscrit(e) "
                    + "à « " + definition.name() + " » : il manque " + missing.stream().map(BookingService::requirement)
                    .collect(Collectors.joining(", ")) + ".");
        }
    }

    private static void calendarKnows(CalendarView view, LocalDate from, LocalDate to) {
        Optional<LocalDate> first = view.firstKnownDay();
        Optional<LocalDate> last = view.lastKnownDay();
        if (first.isEmpty() || from.isBefore(first.get()) || to.isAfter(last.get())) {
            throw DomainException.rule("CALENDAR_UNKNOWN", first.isEmpty()
                    ? "Le calendrier scolaire n'est pas encore connu."
                    : "Le calendrier scolaire est connu du " + first.get().format(DAY) + " au "
                    + last.get().format(DAY) + " : choisissez des dates dans cette période.");
        }
    }

    private BookingView visibleBooking(UUID bookingId) {
        BookingView booking = bookings.booking(bookingId).orElseThrow(BookingService::bookingNotFound);
        if (!Callers.canSee(booking.familyId().toString())) {
            throw bookingNotFound();
        }
        return booking;
    }

    /** A parent acts for their own family (once their account is active; another family's id answers 404); staff name the family. */
    static UUID familyOf(Actor actor, UUID requested) {
        if (actor.role() == Role.PARENT && actor.familyId() == null) {
            throw DomainException.forbidden("ACCOUNT_NOT_ACTIVE", "Votre compte n'est pas encore activé.");
        }
        return UUID.fromString(Callers.familyScope(requested == null ? null : requested.toString()));
    }

    private static DomainException nothingToDo(List<SkippedDay> skipped, boolean cancelling) {
        Set<String> reasons = skipped.stream().map(SkippedDay::reason).collect(Collectors.toSet());
        String detail = skipped.stream().limit(3).map(s -> s.date().format(DAY) + " : " + s.detail())
                .collect(Collectors.joining(" ; "));
        if (reasons.size() == 1) {
            String reason = reasons.iterator().next();
            String message = switch (reason) {
                case "BOOKING_DEADLINE_PASSED" -> "Le délai de réservation est dépassé pour ces jours.";
                case "CANCELLATION_DEADLINE_PASSED" -> "Le délai d'annulation est dépassé pour ces jours. Pour un "
                        + "enfant malade, signalez l'absence avec un certificat médical.";
                case "CLOSED" -> "Le service est fermé ces jours-là.";
                case "NOT_RUNNING" -> "Le service ne fonctionne pas ces jours-là.";
                case "ALREADY_BOOKED" -> "Ces jours sont déjà réservés.";
                default -> "Aucune réservation à annuler sur cette période.";
            };
            String code = switch (reason) {
                case "CLOSED" -> "SERVICE_DAY_CLOSED";
                case "NOT_RUNNING" -> "SERVICE_NOT_RUNNING";
                case "NOT_BOOKED" -> "NOTHING_TO_CANCEL";
                default -> reason;
            };
            return DomainException.rule(code, message + (detail.isEmpty() ? "" : " (" + detail + ")"));
        }
        return DomainException.rule(cancelling ? "NOTHING_TO_CANCEL" : "NOTHING_TO_BOOK", (cancelling
                ? "Aucun jour ne peut être annulé sur cette période"
                : "Aucun jour ne peut être réservé sur cette période")
                + (detail.isEmpty() ? "." : " (" + detail + ")."));
    }

    private static String notRunning(CalendarView view, LocalDate date, DayKind kind) {
        return switch (kind) {
            case HOLIDAY, PUBLIC_HOLIDAY -> view.holidayName(date).orElse("Vacances") + ".";
            case WEDNESDAY -> "Pas d'école le mercredi.";
            case SCHOOL_DAY -> "Jour d'école : le service ne fonctionne qu'en dehors.";
            default -> "Le service ne fonctionne pas ce jour-là.";
        };
    }

    static String poolOf(String dayId) {
        String[] parts = dayId.split("@");
        return parts.length > 2 ? parts[2] : DayId.WHOLE_DAY;
    }

    static String french(Instant instant) {
        return instant.atZone(Deadlines.PARIS).format(DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm"));
    }

    static String frenchDay(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> "lundi";
            case TUESDAY -> "mardi";
            case WEDNESDAY -> "mercredi";
            case THURSDAY -> "jeudi";
            case FRIDAY -> "vendredi";
            case SATURDAY -> "samedi";
            case SUNDAY -> "dimanche";
        };
    }

    static String requirement(String code) {
        return switch (code) {
            case "PHOTO" -> "la photo";
            case "SCHOOL_INSURANCE" -> "l'attestation d'assurance scolaire";
            case "HEALTH_SHEET" -> "la fiche sanitaire";
            case "IMAGE_RIGHTS" -> "l'autorisation de droit à l'image";
            default -> code;
        };
    }

    static DomainException serviceNotFound() {
        return DomainException.notFound("SERVICE_NOT_FOUND", "Service introuvable.");
    }

    static DomainException bookingNotFound() {
        return DomainException.notFound("BOOKING_NOT_FOUND", "Réservation introuvable.");
    }
}
