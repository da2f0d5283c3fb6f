package fr.marelle.children.family;

import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.contracts.accounts.QuotientFamilialChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * The families accounts-service published (consumer of {@code marelle.accounts}): staff may only add a child to a
 * family that exists; the review queue names the family; the QF a family declared is offered when its attestation is
 * approved. Written by the Kafka consumer in the same transaction as its processed-message row.
 */
@Component
public class KnownFamilies {

    public record KnownFamily(UUID familyId, String displayName, Integer declaredQf) {
    }

    private final JdbcClient jdbc;

    KnownFamilies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void registered(FamilyRegistered e) {
        String name = ((e.firstName() == null ? "" : e.firstName()) + " "
                + (e.lastName() == null ? "" : e.lastName())).strip();
        jdbc.sql("""
                        INSERT INTO known_family (family_id, display_name, registered_at) VALUES (?, ?, ?)
                        ON CONFLICT (family_id) DO UPDATE SET display_name = EXCLUDED.display_name,
                            registered_at = EXCLUDED.registered_at""")
                .params(UUID.fromString(e.familyId()), name.isEmpty() ? null : name,
                        e.registeredAt() == null ? null : Timestamp.from(e.registeredAt())).update();
    }

    void quotientFamilialChanged(QuotientFamilialChanged e) {
        jdbc.sql("""
                        INSERT INTO known_family (family_id, declared_qf) VALUES (?, ?)
                        ON CONFLICT (family_id) DO UPDATE SET declared_qf = EXCLUDED.declared_qf""")
                .params(UUID.fromString(e.familyId()), e.quotientFamilial()).update();
    }

    public Optional<KnownFamily> family(UUID familyId) {
        return jdbc.sql("SELECT family_id, display_name, declared_qf FROM known_family WHERE family_id = ?")
                .param(familyId).query(KnownFamily.class).optional();
    }

    public boolean exists(UUID familyId) {
        return family(familyId).isPresent();
    }
}
