package fr.marelle.planning.booking;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of bookings and service-days. */
@Component
public class BookingQueries {

    /**
     * One child-day as the pages show it; {@code attendance} once the register is closed; {@code firstName} the
     * child's, from the directory (empty once the child is erased there).
     */
    public record BookingView(UUID bookingId, UUID childId, UUID familyId, String serviceId, LocalDate day,
                              String dayId, String status, UUID submissionId, OffsetDateTime bookedAt,
                              String cancelReason, OffsetDateTime absenceReportedAt, UUID certificateId,
                              String attendance, String firstName) {
    }

    public record ServiceDayView(String dayId, String serviceId, LocalDate day, String pool, int capacity, int booked,
                                 int waitlisted, boolean closed, String closureReason) {
    }

    public record WaitlistView(String dayId, String serviceId, LocalDate day, UUID bookingId, UUID childId,
                               UUID familyId, long ticket, String childName) {
    }

    private static final String BOOKING_COLUMNS = """
            b.booking_id, b.child_id, b.family_id, b.service_id, b.day, b.day_id, b.status, b.submission_id,
            b.booked_at, b.cancel_reason, b.absence_reported_at, b.certificate_id,
            (SELECT a.state FROM rm_attendance a JOIN rm_register r ON r.register_id = a.register_id
             WHERE a.booking_id = b.booking_id AND r.closed_at IS NOT NULL) AS attendance,
            coalesce((SELECT c.first_name FROM dir_child c WHERE c.child_id = b.child_id), '') AS first_name""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    BookingQueries(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<BookingView> booking(UUID bookingId) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM rm_booking b WHERE b.booking_id = ?").param(bookingId)
                .query(BookingView.class).optional();
    }

    /**
     * Active (booked or waitlisted) bookings of these children for a service between two days: for each submission.
     *
     * <p>Written so that no plan can read the whole service's month. The children's rows are read first, in a
     * materialised step the planner cannot merge: given the service and the days it could start from the service-day
     * index, which without fresh statistics (a new school year's table, or autovacuum off) it believes as selective.
     * And the statement is planned for its values at each call (pgjdbc never prepares it on the server): a plan
     * cached while the table was nearly empty (a sequential scan) would otherwise stay while it grows. At a tenth of
     * the rentrée the query took 27 ms and 11 000 buffers per submission; now about 0.1 ms.
     */
    public List<BookingView> active(Collection<UUID> childIds, String serviceId, LocalDate from, LocalDate to) {
        String sql = "WITH children_bookings AS MATERIALIZED (SELECT * FROM rm_booking "
                + "WHERE child_id = ANY(?) AND day BETWEEN ? AND ?) "
                + "SELECT " + BOOKING_COLUMNS + " FROM children_bookings b WHERE b.service_id = ? "
                + "AND b.status IN ('BOOKED', 'WAITLISTED') ORDER BY b.day";
        return template.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            statement.setArray(1, connection.createArrayOf("uuid", childIds.toArray()));
            statement.setObject(2, from);
            statement.setObject(3, to);
            statement.setString(4, serviceId);
            return statement;
        }, new DataClassRowMapper<>(BookingView.class));
    }

    /** Every booking of a family between two days (cancelled ones too), for its calendars and its ICS feed. */
    public List<BookingView> ofFamily(UUID familyId, LocalDate from, LocalDate to, String serviceId) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM rm_booking b WHERE b.family_id = ? "
                        + "AND b.day BETWEEN ? AND ? AND (?::text IS NULL OR b.service_id = ?) ORDER BY b.day, b.booked_at")
                .params(familyId, from, to, serviceId, serviceId).query(BookingView.class).list();
    }

    /** Active bookings of a service-day's pool, e.g. to close it (by service and day: that index serves both). */
    public List<BookingView> activeOfDay(String serviceId, LocalDate day, String dayId) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM rm_booking b WHERE b.service_id = ? AND b.day = ? "
                        + "AND b.status IN ('BOOKED', 'WAITLISTED') AND b.day_id = ? ORDER BY b.booked_at")
                .params(serviceId, day, dayId).query(BookingView.class).list();
    }

    public List<BookingView> bookedOn(String serviceId, LocalDate day) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM rm_booking b WHERE b.service_id = ? AND b.day = ? "
                        + "AND b.status = 'BOOKED' ORDER BY b.booked_at")
                .params(serviceId, day).query(BookingView.class).list();
    }

    public Optional<ServiceDayView> serviceDay(String dayId) {
        return jdbc.sql("SELECT day_id, service_id, day, pool, capacity, booked, waitlisted, closed, closure_reason "
                        + "FROM rm_service_day WHERE day_id = ?")
                .param(dayId).query(ServiceDayView.class).optional();
    }

    /** Service-days of a service between two days (only those with a booking or a closure exist). */
    public List<ServiceDayView> serviceDays(String serviceId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT day_id, service_id, day, pool, capacity, booked, waitlisted, closed, closure_reason "
                        + "FROM rm_service_day WHERE (?::text IS NULL OR service_id = ?) AND day BETWEEN ? AND ? "
                        + "ORDER BY day, service_id, pool")
                .params(serviceId, serviceId, from, to).query(ServiceDayView.class).list();
    }

    public List<WaitlistView> waitlists(String serviceId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT w.day_id, d.service_id, d.day, w.booking_id, w.child_id, w.family_id, w.ticket,
                               coalesce(c.first_name || ' ' || c.last_name, '') AS child_name
                        FROM rm_waitlist w JOIN rm_service_day d ON d.day_id = w.day_id
                        LEFT JOIN dir_child c ON c.child_id = w.child_id
                        WHERE (?::text IS NULL OR d.service_id = ?) AND d.day BETWEEN ? AND ?
                        ORDER BY d.day, d.service_id, w.ticket""")
                .params(serviceId, serviceId, from, to).query(WaitlistView.class).list();
    }

    /** The position of a waitlisted booking in its line (1 = next). */
    public int positionInLine(UUID bookingId) {
        return jdbc.sql("""
                        SELECT count(*) FROM rm_waitlist w JOIN rm_waitlist me ON me.day_id = w.day_id
                        WHERE me.booking_id = ? AND w.ticket <= me.ticket""")
                .param(bookingId).query(Integer.class).single();
    }
}
