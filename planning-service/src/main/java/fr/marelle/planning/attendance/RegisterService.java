package fr.marelle.planning.attendance;

import fr.marelle.planning.attendance.CareNotesClient.CareNote;
import fr.marelle.planning.attendance.Register.CloseRegister;
import fr.marelle.planning.attendance.Register.Expected;
import fr.marelle.planning.attendance.Register.Mark;
import fr.marelle.planning.attendance.Register.MarkAttendance;
import fr.marelle.planning.catalogue.Deadlines;
import fr.marelle.planning.catalogue.ServiceCatalogue;
import fr.marelle.planning.catalogue.ServiceCatalogue.ServiceView;
import fr.marelle.planning.directory.ChildDirectory;
import fr.marelle.planning.directory.ChildDirectory.ChildView;
import fr.marelle.planning.directory.ChildDirectory.PickupPerson;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Attendance registers: who is expected, what staff marked, closing the day; the CAF's hours. */
@Service
public class RegisterService {

    public static final String NO_SCHOOL = "sans-ecole";

    public record RegisterSummary(String registerId, String schoolKey, String schoolName, int booked, int marked,
                                  boolean closed) {
    }

    public record Row(UUID childId, UUID familyId, UUID bookingId, String firstName, String lastName,
                      LocalDate birthDate, int age, String state, BigDecimal hours, boolean absenceReported,
                      UUID certificateId, String diet, String allergies, String guardianName,
                      List<PickupPerson> pickupPersons) {
    }

    public record RegisterView(String registerId, String serviceId, String serviceName, String cesuClass,
                               LocalDate date, String schoolKey, String schoolName, boolean closed,
                               OffsetDateTime closedAt, boolean careNotesAvailable, BigDecimal hoursPerUnit,
                               List<Row> rows) {
    }

    public record CafLine(String serviceId, String serviceName, String month, String ageBand, int children,
                          int attendances, BigDecimal hours) {
    }

    /** Children present on a settled (closed) register of a service-day, every school together. */
    public record Attended(String serviceId, LocalDate day, int children) {
    }

    private record BookedChild(UUID bookingId, UUID childId, UUID familyId, UUID schoolId,
                               OffsetDateTime absenceReportedAt, UUID certificateId) {
    }

    private record MarkRow(UUID childId, UUID familyId, UUID bookingId, String state, BigDecimal hours) {
    }

    private final JdbcClient jdbc;
    private final ServiceCatalogue catalogue;
    private final ChildDirectory children;
    private final CareNotesClient careNotes;
    private final CommandGateway commands;
    private final Clock clock;

    RegisterService(JdbcClient jdbc, ServiceCatalogue catalogue, ChildDirectory children, CareNotesClient careNotes,
                    CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.children = children;
        this.careNotes = careNotes;
        this.commands = commands;
        this.clock = clock;
    }

    public static String registerId(String serviceId, LocalDate date, String schoolKey) {
        return serviceId + "@" + date + "@" + schoolKey;
    }

    /** The registers of a service-day, one per school of the booked children (and those already opened). */
    public List<RegisterSummary> registersOf(String serviceId, LocalDate date) {
        Callers.require(Role.ADMIN, Role.AGENT, Role.AUDITOR);
        service(serviceId);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (BookedChild booked : booked(serviceId, date)) {
            counts.computeIfAbsent(keyOf(booked.schoolId()), k -> new int[2])[0]++;
        }
        jdbc.sql("SELECT school_key FROM rm_register WHERE service_id = ? AND day = ?").params(serviceId, date)
                .query(String.class).list().forEach(k -> counts.computeIfAbsent(k, x -> new int[2]));
        List<RegisterSummary> summaries = new ArrayList<>();
        counts.forEach((key, c) -> {
            String registerId = registerId(serviceId, date, key);
            int marked = jdbc.sql("SELECT count(*) FROM rm_attendance WHERE register_id = ?").param(registerId)
                    .query(Integer.class).single();
            boolean closed = jdbc.sql("SELECT count(*) FROM rm_register WHERE register_id = ? AND closed_at IS NOT NULL")
                    .param(registerId).query(Integer.class).single() > 0;
            summaries.add(new RegisterSummary(registerId, key, schoolName(key), c[0], marked, closed));
        });
        summaries.sort(Comparator.comparing(RegisterSummary::schoolName));
        return summaries;
    }

    public RegisterView register(String serviceId, LocalDate date, String schoolKey) {
        Callers.require(Role.ADMIN, Role.AGENT, Role.AUDITOR);
        ServiceView service = service(serviceId);
        String registerId = registerId(serviceId, date, schoolKey);
        Map<UUID, MarkRow> marks = new HashMap<>();
        jdbc.sql("SELECT child_id, family_id, booking_id, state, hours FROM rm_attendance WHERE register_id = ?")
                .param(registerId).query(MarkRow.class).list().forEach(m -> marks.put(m.childId(), m));
        Optional<OffsetDateTime> closedAt = jdbc.sql("SELECT closed_at FROM rm_register WHERE register_id = ?")
                .param(registerId).query(OffsetDateTime.class).optional();
        List<BookedChild> booked = booked(serviceId, date).stream()
                .filter(b -> keyOf(b.schoolId()).equals(schoolKey)).toList();
        List<UUID> ids = new ArrayList<>(booked.stream().map(BookedChild::childId).toList());
        marks.values().stream().filter(m -> m.bookingId() == null).forEach(m -> ids.add(m.childId()));
        Map<UUID, ChildView> kids = new HashMap<>();
        children.children(ids).forEach(c -> kids.put(c.childId(), c));
        Optional<Map<UUID, CareNote>> notes = careNotes.careNotes(ids);
        List<Row> rows = new ArrayList<>();
        for (BookedChild b : booked) {
            rows.add(row(b.childId(), b.familyId(), b.bookingId(), date, marks.get(b.childId()), kids, notes,
                    b.absenceReportedAt() != null, b.certificateId()));
        }
        marks.values().stream().filter(m -> m.bookingId() == null).forEach(m -> rows.add(row(m.childId(),
                m.familyId(), null, date, m, kids, notes, false, null)));
        rows.sort(Comparator.comparing(Row::lastName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Row::firstName, String.CASE_INSENSITIVE_ORDER));
        return new RegisterView(registerId, serviceId, service.definition().name(), service.definition().cesuClass(),
                date, schoolKey, schoolName(schoolKey), closedAt.isPresent() && closedAt.get() != null,
                closedAt.orElse(null), notes.isPresent(), service.definition().hoursPerUnit(), rows);
    }

    private Row row(UUID childId, UUID familyId, UUID bookingId, LocalDate date, MarkRow mark,
                    Map<UUID, ChildView> kids, Optional<Map<UUID, CareNote>> notes, boolean reported,
                    UUID certificate) {
        ChildView child = kids.get(childId);
        CareNote note = notes.map(n -> n.get(childId)).orElse(null);
        String guardian = children.family(familyId).map(f -> f.guardianFirstName() + " " + f.guardianLastName())
                .orElse(null);
        int age = child == null || child.birthDate() == null ? -1 : Period.between(child.birthDate(), date).getYears();
        return new Row(childId, familyId, bookingId, child == null ? "?" : child.firstName(),
                child == null ? "?" : child.lastName(), child == null ? null : child.birthDate(), age,
                mark == null ? null : mark.state(), mark == null ? null : mark.hours(), reported, certificate,
                note == null ? null : note.diet(), note == null ? null : note.allergies(), guardian,
                children.pickupPersons(familyId));
    }

    /** Marks one child: present, absent with or without excuse; or adds a child present without booking. */
    public void mark(String serviceId, LocalDate date, String schoolKey, UUID childId, String state,
                     BigDecimal hours) {
        Callers.require(Role.ADMIN, Role.AGENT);
        ServiceView service = service(serviceId);
        ChildView child = children.child(childId).orElseThrow(() ->
                DomainException.notFound("CHILD_NOT_FOUND", "Enfant introuvable."));
        UUID bookingId = booked(serviceId, date).stream().filter(b -> b.childId().equals(childId))
                .map(BookedChild::bookingId).findFirst().orElse(null);
        BigDecimal counted = hours != null ? hours : RegisterRules.hoursFor(state, service.definition().hoursPerUnit());
        commands.sendAndWait(new MarkAttendance(registerId(serviceId, date, schoolKey), serviceId, date, schoolKey,
                today(), new Mark(childId, child.familyId(), bookingId, state, counted)));
    }

    /** Closes the register: every booked child is accounted for, and the day is settled in one batch. */
    public void close(String serviceId, LocalDate date, String schoolKey, String remainingAs) {
        Callers.require(Role.ADMIN, Role.AGENT);
        ServiceView service = service(serviceId);
        List<Expected> expected = booked(serviceId, date).stream().filter(b -> keyOf(b.schoolId()).equals(schoolKey))
                .map(b -> new Expected(b.bookingId(), b.childId(), b.familyId())).toList();
        commands.sendAndWait(new CloseRegister(registerId(serviceId, date, schoolKey), serviceId, date, schoolKey,
                today(), clock.instant(), expected, remainingAs, service.definition().hoursPerUnit()));
    }

    /** Hours actually attended, by service, month and age band (under 6, 6 and over), for the CAF. */
    public List<CafLine> cafReport(LocalDate from, LocalDate to) {
        Callers.require(Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
        return jdbc.sql("""
                        SELECT r.service_id, coalesce(s.name, r.service_id) AS service_name,
                               to_char(r.day, 'YYYY-MM') AS month,
                               CASE WHEN c.birth_date IS NULL THEN 'âge inconnu'
                                    WHEN age(r.day, c.birth_date) < interval '6 years' THEN 'moins de 6 ans'
                                    ELSE '6 ans et plus' END AS age_band,
                               count(DISTINCT a.child_id) AS children, count(*) AS attendances,
                               sum(a.hours) AS hours
                        FROM rm_attendance a
                        JOIN rm_register r ON r.register_id = a.register_id
                        LEFT JOIN rm_service s ON s.service_id = r.service_id
                        LEFT JOIN dir_child c ON c.child_id = a.child_id
                        WHERE r.closed_at IS NOT NULL AND r.day BETWEEN ? AND ?
                          AND a.state IN ('PRESENT', 'PRESENT_UNBOOKED')
                        GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4""")
                .params(from, to).query(CafLine.class).list();
    }

    /** Child-days attended per service and day (closed registers, present with or without a booking). */
    public List<Attended> attended(LocalDate from, LocalDate to) {
        Callers.require(Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
        return jdbc.sql("""
                        SELECT r.service_id, r.day, count(*) AS children
                        FROM rm_attendance a JOIN rm_register r ON r.register_id = a.register_id
                        WHERE r.closed_at IS NOT NULL AND r.day BETWEEN ? AND ?
                          AND a.state IN ('PRESENT', 'PRESENT_UNBOOKED')
                        GROUP BY r.service_id, r.day ORDER BY r.service_id, r.day""")
                .params(from, to).query(Attended.class).list();
    }

    private List<BookedChild> booked(String serviceId, LocalDate date) {
        return jdbc.sql("""
                        SELECT b.booking_id, b.child_id, b.family_id, c.school_id, b.absence_reported_at,
                               b.certificate_id
                        FROM rm_booking b LEFT JOIN dir_child c ON c.child_id = b.child_id
                        WHERE b.service_id = ? AND b.day = ? AND b.status = 'BOOKED'""")
                .params(serviceId, date).query(BookedChild.class).list();
    }

    private ServiceView service(String serviceId) {
        return catalogue.find(serviceId).orElseThrow(() ->
                DomainException.notFound("SERVICE_NOT_FOUND", "Service introuvable."));
    }

    private String schoolName(String key) {
        if (NO_SCHOOL.equals(key)) {
            return "Sans école";
        }
        try {
            return children.school(UUID.fromString(key)).map(ChildDirectory.SchoolView::name).orElse("École " + key);
        } catch (IllegalArgumentException e) {
            return key;
        }
    }

    static String keyOf(UUID schoolId) {
        return schoolId == null ? NO_SCHOOL : schoolId.toString();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Deadlines.PARIS));
    }
}
