package fr.marelle.planning.attendance;

import fr.marelle.planning.attendance.Register.AttendanceMarked;
import fr.marelle.planning.attendance.Register.Mark;
import fr.marelle.planning.attendance.Register.RegisterClosed;
import fr.marelle.platform.audit.AuditMetadata;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Registers and their marks ({@code rm_register}, {@code rm_attendance}): the register pages and the CAF report. */
@Component
@ProcessingGroup("registers")
@ProjectionTables({"rm_register", "rm_attendance"})
class RegisterProjection {

    private final JdbcClient jdbc;

    RegisterProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AttendanceMarked event, @Timestamp Instant at) {
        register(event.registerId(), event.serviceId(), event.date(), event.schoolKey());
        mark(event.registerId(), event.mark(), at);
    }

    @EventHandler
    void on(RegisterClosed event, @Timestamp Instant at, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        register(event.registerId(), event.serviceId(), event.date(), event.schoolKey());
        for (Mark mark : event.records()) {
            mark(event.registerId(), mark, at);
        }
        jdbc.sql("UPDATE rm_register SET closed_at = ?, closed_by = ? WHERE register_id = ?")
                .params(event.closedAt().atOffset(ZoneOffset.UTC), actor, event.registerId()).update();
    }

    private void register(String registerId, String serviceId, LocalDate date, String schoolKey) {
        jdbc.sql("INSERT INTO rm_register (register_id, service_id, day, school_key) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (register_id) DO NOTHING")
                .params(registerId, serviceId, date, schoolKey).update();
    }

    private void mark(String registerId, Mark mark, Instant at) {
        jdbc.sql("""
                        INSERT INTO rm_attendance (register_id, child_id, family_id, booking_id, state, hours, marked_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (register_id, child_id) DO UPDATE SET booking_id = excluded.booking_id,
                            state = excluded.state, hours = excluded.hours, marked_at = excluded.marked_at""")
                .params(registerId, mark.childId(), mark.familyId(), mark.bookingId(), mark.state(), mark.hours(),
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_register, rm_attendance").update();
    }
}
