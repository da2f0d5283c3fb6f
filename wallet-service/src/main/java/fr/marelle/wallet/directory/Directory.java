package fr.marelle.wallet.directory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The names a wallet's history needs to say what a movement paid for — a child's first name, a service's name —
 * learnt from children's and planning's public events, in the consumer's transaction. A later fact replaces an older
 * one; an older one delivered late does not overwrite a newer.
 */
@Component
public class Directory {

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void child(String childId, String familyId, String firstName, Instant at) {
        jdbc.sql("""
                        INSERT INTO directory_child (child_id, family_id, first_name, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (child_id) DO UPDATE SET family_id = EXCLUDED.family_id,
                            first_name = EXCLUDED.first_name, updated_at = EXCLUDED.updated_at
                        WHERE directory_child.updated_at <= EXCLUDED.updated_at""")
                .params(childId, familyId, firstName == null ? "" : firstName, at.atOffset(ZoneOffset.UTC))
                .update();
    }

    public void service(String serviceId, String name, Instant at) {
        jdbc.sql("""
                        INSERT INTO directory_service (service_id, name, updated_at) VALUES (?, ?, ?)
                        ON CONFLICT (service_id) DO UPDATE SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at
                        WHERE directory_service.updated_at <= EXCLUDED.updated_at""")
                .params(serviceId, name == null ? serviceId : name, at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
