package fr.marelle.accounts.staff.query;

import fr.marelle.accounts.staff.StaffEvents.SecondFactorEnrolled;
import fr.marelle.accounts.staff.StaffEvents.SecondFactorReset;
import fr.marelle.accounts.staff.StaffEvents.StaffMemberCreated;
import fr.marelle.accounts.staff.StaffEvents.StaffMemberDeactivated;
import fr.marelle.accounts.staff.StaffEvents.StaffMemberReactivated;
import fr.marelle.accounts.staff.StaffEvents.StaffRoleChanged;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Staff members, their roles and whether their second factor is set (projection "staff-directory"). */
@Component
@ProcessingGroup("staff-directory")
@ProjectionTables("rm_staff")
public class StaffDirectory {

    public record StaffView(UUID staffId, String email, String firstName, String lastName, String role,
                            boolean active, boolean secondFactor, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    StaffDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StaffView> all() {
        return jdbc.sql("SELECT staff_id, email, first_name, last_name, role, active, second_factor, created_at "
                + "FROM rm_staff ORDER BY lower(last_name), lower(first_name)").query(StaffView.class).list();
    }

    @EventHandler
    void on(StaffMemberCreated event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO rm_staff (staff_id, email, first_name, last_name, role, active, second_factor,
                            created_at)
                        VALUES (?, ?, ?, ?, ?, true, false, ?) ON CONFLICT (staff_id) DO NOTHING""")
                .params(event.staffId().value(), event.email(), event.firstName(), event.lastName(),
                        event.role().name(), Timestamp.from(at))
                .update();
    }

    @EventHandler
    void on(StaffRoleChanged event) {
        jdbc.sql("UPDATE rm_staff SET role = ? WHERE staff_id = ?")
                .params(event.role().name(), event.staffId().value()).update();
    }

    @EventHandler
    void on(StaffMemberDeactivated event) {
        jdbc.sql("UPDATE rm_staff SET active = false WHERE staff_id = ?").param(event.staffId().value()).update();
    }

    @EventHandler
    void on(StaffMemberReactivated event) {
        jdbc.sql("UPDATE rm_staff SET active = true WHERE staff_id = ?").param(event.staffId().value()).update();
    }

    @EventHandler
    void on(SecondFactorEnrolled event) {
        jdbc.sql("UPDATE rm_staff SET second_factor = true WHERE staff_id = ?").param(event.staffId().value())
                .update();
    }

    @EventHandler
    void on(SecondFactorReset event) {
        jdbc.sql("UPDATE rm_staff SET second_factor = false WHERE staff_id = ?").param(event.staffId().value())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_staff").update();
    }
}
