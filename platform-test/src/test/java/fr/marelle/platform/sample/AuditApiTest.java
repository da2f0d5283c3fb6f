package fr.marelle.platform.sample;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit API every service has: history by family, hash chains, read-model rebuilds. */
@MarelleServiceTest
class AuditApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final String familyId = UUID.randomUUID().toString();
    final Actor parent = TestServiceTokens.parentOf(familyId);

    ServiceApi.Caller auditor() {
        return new ServiceApi(port).as(TestServiceTokens.staff(Role.AUDITOR));
    }

    String note(String text) {
        return new ServiceApi(port).as(parent).post("/api/notes", Map.of("text", text)).body().path("noteId").asText();
    }

    @Test
    void a_family_history_shows_what_happened_who_did_it_from_where_and_in_which_flow() {
        String noteId = note("première");
        new ServiceApi(port).as(parent).put("/api/notes/" + noteId, Map.of("text", "seconde"));
        JsonNode events = auditor().get("/internal/audit/events?familyId=" + familyId).body();
        assertThat(events.size()).isEqualTo(2);
        JsonNode created = events.get(0);
        assertThat(created.path("type").asText()).isEqualTo("Note.NoteCreated");
        assertThat(created.path("aggregateId").asText()).isEqualTo(noteId);
        assertThat(created.path("actorId").asText()).isEqualTo(parent.id());
        assertThat(created.path("actorRole").asText()).isEqualTo("PARENT");
        assertThat(created.path("clientIp").asText()).isEqualTo("203.0.113.7");
        assertThat(created.path("correlationId").asText()).startsWith("test-");
        assertThat(created.path("payload").path("text").asText()).isEqualTo("première");
        assertThat(events.get(1).path("type").asText()).isEqualTo("Note.NoteEdited");
        String correlation = events.get(1).path("correlationId").asText();
        assertThat(auditor().get("/internal/audit/events?correlationId=" + correlation).body().size()).isEqualTo(1);
        assertThat(auditor().get("/internal/audit/events?familyId=" + familyId + "&type=edited").body().size())
                .isEqualTo(1);
        assertThat(auditor().get("/internal/audit/events?correlationId=" + correlation + "&correlationId="
                + created.path("correlationId").asText()).body().size()).isEqualTo(2);
        assertThat(auditor().get("/internal/audit/events?subject=" + noteId).body().size())
                .as("a subject is followed through its stream").isEqualTo(2);
        String mentioned = note("voir " + noteId);
        assertThat(auditor().get("/internal/audit/events?subject=" + noteId).body().size())
                .as("a note that merely contains the id among its words is not about it").isEqualTo(2);
        assertThat(mentioned).isNotBlank();
        assertThat(auditor().get("/internal/audit/events?subject=" + familyId).body().size()).isEqualTo(3);
        assertThat(auditor().get("/internal/audit/events").code()).isEqualTo("AUDIT_SCOPE_REQUIRED");
    }

    @Test
    void an_altered_or_removed_event_row_breaks_its_stream_hash_chain() {
        String noteId = note("v0");
        for (int i = 1; i <= 3; i++) {
            new ServiceApi(port).as(parent).put("/api/notes/" + noteId, Map.of("text", "v" + i));
        }
        JsonNode intact = auditor().get("/internal/audit/chain").body();
        assertThat(intact.path("service").asText()).as("the context it is (marelle.context)").isEqualTo("sample");
        assertThat(intact.path("breaks").size()).as(intact.toString()).isZero();
        assertThat(intact.path("events").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(auditor().get("/internal/audit/chain?aggregateId=" + noteId).body().path("events").asLong())
                .isEqualTo(4);

        byte[] original = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 2").param(noteId).query(byte[].class).single();
        jdbc.sql("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'v2', "
                + "'v9'), 'UTF8') WHERE aggregate_identifier = ? AND sequence_number = 2").param(noteId).update();
        JsonNode altered = auditor().get("/internal/audit/chain?aggregateId=" + noteId).body();
        assertThat(altered.path("breaks").size()).isEqualTo(1);
        assertThat(altered.path("breaks").get(0).path("sequence").asLong()).isEqualTo(2);
        assertThat(altered.path("breaks").get(0).path("reason").asText()).isEqualTo("content does not match its hash");
        jdbc.sql("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = 2")
                .params(original, noteId).update();
        assertThat(auditor().get("/internal/audit/chain?aggregateId=" + noteId).body().path("breaks").size())
                .isZero();

        jdbc.sql("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1")
                .param(noteId).update();
        JsonNode removed = auditor().get("/internal/audit/chain?aggregateId=" + noteId).body();
        assertThat(removed.path("breaks").get(0).path("sequence").asLong()).isEqualTo(2);
        assertThat(removed.path("breaks").get(0).path("reason").asText()).isEqualTo("events missing before this one");
    }

    @Test
    void each_chain_hash_is_the_documented_sha256_an_auditor_can_recompute_outside_the_database() throws Exception {
        String noteId = note("v0");
        new ServiceApi(port).as(parent).put("/api/notes/" + noteId, Map.of("text", "v1"));
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number").param(noteId).query().listOfRows();
        assertThat(rows).hasSize(2);
        byte[] previous = null;
        for (Map<String, Object> row : rows) {
            // SHA-256 over: previous hash, aggregate id, sequence (8 bytes), event id, type, revision, payload,
            // metadata, time; each part but the sequence prefixed by its length in 4 bytes (-1 when absent)
            ByteArrayOutputStream parts = new ByteArrayOutputStream();
            part(parts, previous);
            part(parts, utf8(row.get("aggregate_identifier")));
            parts.write(ByteBuffer.allocate(8).putLong(((Number) row.get("sequence_number")).longValue()).array());
            part(parts, utf8(row.get("event_identifier")));
            part(parts, utf8(row.get("payload_type")));
            part(parts, utf8(row.get("payload_revision")));
            part(parts, (byte[]) row.get("payload"));
            part(parts, (byte[]) row.get("meta_data"));
            part(parts, utf8(row.get("time_stamp")));
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(parts.toByteArray());
            assertThat((byte[]) row.get("chain_hash")).as("event %s", row.get("sequence_number")).isEqualTo(expected);
            previous = expected;
        }
    }

    private static byte[] utf8(Object value) {
        return value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void part(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }

    @Test
    void a_read_model_rebuilt_from_the_events_matches_the_live_one_and_a_changed_row_shows() {
        String noteId = note("à rejouer");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM rm_note WHERE note_id = ?")
                .param(noteId).query(Long.class).single() == 1);
        assertThat(auditor().get("/internal/audit/read-models").body().toString()).contains("rm_note");
        JsonNode same = auditor().post("/internal/audit/read-models/notes/replay", Map.of()).body();
        assertThat(same.path("tables").get(0).path("onlyLive").asLong()).as(same.toString()).isZero();
        assertThat(same.path("tables").get(0).path("onlyReplayed").asLong()).isZero();
        assertThat(same.path("eventsReplayed").asLong()).isPositive();

        jdbc.sql("UPDATE rm_note SET text = 'modifié à la main' WHERE note_id = ?").param(noteId).update();
        JsonNode different = auditor().post("/internal/audit/read-models/notes/replay", Map.of()).body();
        assertThat(different.path("tables").get(0).path("onlyLive").asLong()).isEqualTo(1);
        assertThat(different.path("tables").get(0).path("onlyReplayed").asLong()).isEqualTo(1);
        assertThat(different.path("tables").get(0).path("samples").toString()).contains("modifié à la main");
        jdbc.sql("UPDATE rm_note SET text = 'à rejouer' WHERE note_id = ?").param(noteId).update();
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'replay_%'")
                .query(Long.class).single()).as("the copies are dropped").isZero();
    }

    @Test
    void a_family_state_as_of_a_past_instant_is_rebuilt_from_its_events_until_then() throws InterruptedException {
        Instant before = Instant.now();
        Thread.sleep(20);
        String noteId = note("v0");
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        new ServiceApi(port).as(parent).put("/api/notes/" + noteId, Map.of("text", "v1"));
        note("autre");
        String otherFamily = new ServiceApi(port).as(TestServiceTokens.parentOf(UUID.randomUUID().toString()))
                .post("/api/notes", Map.of("text", "pas la nôtre")).body().path("noteId").asText();
        assertThat(otherFamily).isNotBlank();

        assertThat(auditor().get("/internal/audit/as-of").body().toString()).contains("notes");
        JsonNode then = auditor().get("/internal/audit/as-of/notes?familyId=" + familyId + "&at=" + between).body();
        assertThat(then.path("eventsReplayed").asLong()).isEqualTo(1);
        assertThat(then.path("state").size()).isEqualTo(1);
        assertThat(then.path("state").get(0).path("text").asText()).isEqualTo("v0");
        JsonNode now = auditor().get("/internal/audit/as-of/notes?familyId=" + familyId + "&at=" + Instant.now())
                .body();
        assertThat(now.path("eventsReplayed").asLong()).isEqualTo(3);
        assertThat(now.path("state").toString()).contains("\"v1\"", "autre").doesNotContain("pas la nôtre", "v0");
        assertThat(auditor().get("/internal/audit/as-of/notes?familyId=" + familyId + "&at=" + before).body()
                .path("state").size()).isZero();
        assertThat(auditor().get("/internal/audit/as-of/wallet?familyId=" + familyId + "&at=" + before).code())
                .isEqualTo("TIME_TRAVEL_VIEW_NOT_FOUND");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT text FROM rm_note WHERE note_id = ?").param(noteId).query(String.class).optional())
                .as("the live read model is untouched").hasValue("v1"));
    }

    @Test
    void only_auditors_and_administrators_read_the_audit_api() {
        assertThat(new ServiceApi(port).as(parent).get("/internal/audit/chain").status()).isEqualTo(403);
        assertThat(new ServiceApi(port).as(TestServiceTokens.staff(Role.AGENT)).get("/internal/audit/chain")
                .status()).isEqualTo(403);
        assertThat(new ServiceApi(port).as(TestServiceTokens.staff(Role.ADMIN)).get("/internal/audit/chain")
                .status()).isEqualTo(200);
        assertThat(auditor().post("/internal/audit/read-models/integration-publisher/replay", Map.of()).code())
                .isEqualTo("READ_MODEL_NOT_FOUND");
    }
}
