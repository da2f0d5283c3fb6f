package fr.marelle.accounts.family.query;

import fr.marelle.accounts.family.FamilyEvents.FamilyFileOpened;
import fr.marelle.platform.audit.AuditMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/** The directory staff search and the family file reads: one row per family. */
@Component
@ProcessingGroup("family-directory")
class FamilyDirectoryProjection {

    private final JdbcClient jdbc;

    FamilyDirectoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FamilyFileOpened event, @org.axonframework.eventhandling.Timestamp Instant at, @MetaDataValue(AuditMetadata.ACTOR_ROLE) String role) {
        jdbc.sql("""
                        INSERT INTO rm_family (family_id, guardian_id, civility, first_name, last_name, email, phone,
                            address_line1, address_line2, postcode, city, language, opened_at, opened_by_role,
                            search_text)
                        VALUES (:familyId, :guardianId, :civility, :firstName, :lastName, :email, :phone,
                            :line1, :line2, :postcode, :city, :language, :openedAt, :role, :search)
                        ON CONFLICT (family_id) DO NOTHING""")
                .param("familyId", event.familyId().value())
                .param("guardianId", event.guardianId().value())
                .param("civility", event.civility() == null ? null : event.civility().name())
                .param("firstName", event.firstName())
                .param("lastName", event.lastName())
                .param("email", event.email())
                .param("phone", event.phone())
                .param("line1", event.address().line1())
                .param("line2", event.address().line2())
                .param("postcode", event.address().postcode())
                .param("city", event.address().city())
                .param("language", event.language())
                .param("openedAt", Timestamp.from(at))
                .param("role", role == null ? "SYSTEM" : role)
                .param("search", (event.firstName() + " " + event.lastName() + " " + event.email() + " "
                        + event.address().city()).toLowerCase(Locale.ROOT))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_family").update();
    }
}
