package fr.marelle.planning.attendance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Diets and allergies of the children on a register, from children-service at the moment staff open it: health data
 * never crosses Kafka and is never stored here. The call carries the staff member's own token, as received (it names
 * them, their role, and expires within a minute), so children-service decides what they may read. When
 * children-service does not answer (or has no such endpoint yet), the register says so and still works.
 */
@Component
public class CareNotesClient {

    private static final Logger log = LoggerFactory.getLogger(CareNotesClient.class);

    public record CareNote(String diet, String allergies) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final ObjectMapper json = new ObjectMapper();

    CareNotesClient(@Value("${marelle.services.children.url:http://127.0.0.1:8082}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The care notes by child, or empty when children-service could not give them. */
    public Optional<Map<UUID, CareNote>> careNotes(Collection<UUID> childIds) {
        if (childIds.isEmpty()) {
            return Optional.of(Map.of());
        }
        String authorization = incomingAuthorization();
        if (authorization == null) {
            return Optional.empty();
        }
        String ids = childIds.stream().map(UUID::toString).collect(Collectors.joining(","));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                                    + "/api/children/care-notes?ids=" + URLEncoder.encode(ids, StandardCharsets.UTF_8)))
                            .timeout(Duration.ofSeconds(3)).header("Authorization", authorization)
                            .header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.info("children-service answered {} for care notes", response.statusCode());
                return Optional.empty();
            }
            Map<UUID, CareNote> notes = new HashMap<>();
            JsonNode body = json.readTree(response.body());
            JsonNode items = body.isArray() ? body : body.path("items");
            for (JsonNode item : items) {
                notes.put(UUID.fromString(item.path("childId").asText()),
                        new CareNote(text(item, "dietComment") != null ? text(item, "dietComment") : text(item, "diet"),
                                text(item, "allergies")));
            }
            return Optional.of(notes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            log.info("Care notes unavailable from children-service: {}", e.toString());
            return Optional.empty();
        }
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        if (value.isArray()) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            value.forEach(v -> parts.add(v.asText()));
            return parts.isEmpty() ? null : String.join(", ", parts);
        }
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String incomingAuthorization() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getHeader("Authorization");
        }
        return null;
    }
}
