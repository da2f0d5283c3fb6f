package fr.marelle.gateway.services.children;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.gateway.config.GatewayProperties;
import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.services.ServiceClients;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.ServiceUnavailable;
import fr.marelle.gateway.web.CorrelationFilter;
import fr.marelle.platform.security.ServiceTokenIssuer;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway's side of children-service's API: JSON calls through {@link ServiceClients} as the logged-in user;
 * uploads (multipart) and downloads (bytes with their headers) with a client of its own, signed the same way.
 * Answers are kept as JSON trees for the templates.
 */
@Component
public class ChildrenClient {

    static final String CHILDREN = "children";

    /** A file as children-service serves it: its type and disposition are passed on as they are. */
    public record FileDownload(byte[] content, String contentType, String contentDisposition) {
    }

    private final ServiceClients services;
    private final ServiceTokenIssuer tokens;
    private final ObjectMapper json;
    private final RestClient files;

    ChildrenClient(ServiceClients services, ServiceTokenIssuer tokens, ObjectMapper json,
                   GatewayProperties properties, RestClient.Builder builder) {
        this.services = services;
        this.tokens = tokens;
        this.json = json;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(2_000);
        factory.setReadTimeout(60_000);
        GatewayProperties.Service service = properties.getServices().get(CHILDREN);
        this.files = service == null || service.getUrl() == null ? null
                : builder.clone().baseUrl(service.getUrl().toString()).requestFactory(factory).build();
    }

    private ServiceClients.Call call() {
        return services.service(CHILDREN);
    }

    public JsonNode schools() {
        return call().get("/api/schools", JsonNode.class);
    }

    public JsonNode children(Object familyId) {
        return familyId == null ? call().get("/api/children", JsonNode.class)
                : call().get("/api/children?familyId={f}", JsonNode.class, familyId);
    }

    public JsonNode child(Object childId) {
        return call().get("/api/children/{id}", JsonNode.class, childId);
    }

    public UUID addChild(Map<String, Object> child) {
        JsonNode created = call().post("/api/children", child, JsonNode.class);
        return UUID.fromString(created.path("childId").asText());
    }

    public void updateChild(Object childId, Map<String, Object> child) {
        call().put("/api/children/{id}", child, childId);
    }

    public void archiveChild(Object childId) {
        call().post("/api/children/{id}/archive", Map.of(), Void.class, childId);
    }

    public JsonNode documents(Object familyId) {
        return familyId == null ? call().get("/api/documents", JsonNode.class)
                : call().get("/api/documents?familyId={f}", JsonNode.class, familyId);
    }

    /** How many documents wait for review (all of them; the list of {@link #pendingDocuments()} stops at 200). */
    public long pendingDocumentCount() {
        return call().get("/api/documents/pending/count", JsonNode.class).path("count").asLong();
    }

    public JsonNode pendingDocuments() {
        return call().get("/api/documents/pending", JsonNode.class);
    }

    public void approve(Object documentId, String validUntil, Integer quotientFamilial) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("validUntil", validUntil);
        body.put("quotientFamilial", quotientFamilial);
        call().post("/api/documents/{id}/approval", body, Void.class, documentId);
    }

    public void reject(Object documentId, String reason) {
        call().post("/api/documents/{id}/rejection", Map.of("reason", reason), Void.class, documentId);
    }

    public UUID openSchool(Map<String, Object> school) {
        return UUID.fromString(call().post("/api/schools", school, JsonNode.class).path("id").asText());
    }

    public void addClass(Object schoolId, Map<String, Object> schoolClass) {
        call().post("/api/schools/{id}/classes", schoolClass, JsonNode.class, schoolId);
    }

    /** The catalogue: every kind of document, in the order families see them. */
    public JsonNode documentKinds() {
        return call().get("/api/document-kinds", JsonNode.class);
    }

    /** Defines a kind; its code (given, or made from the title by children-service). */
    public String defineKind(Map<String, Object> kind) {
        return call().post("/api/document-kinds", kind, JsonNode.class).path("code").asText();
    }

    public void changeKind(String code, Map<String, Object> kind) {
        call().put("/api/document-kinds/{code}", kind, code);
    }

    public void withdrawBlankForm(String code) {
        call().post("/api/document-kinds/{code}/blank-form/withdrawal", Map.of(), Void.class, code);
    }

    /** Publishes the blank form of a kind (multipart), as the logged-in administrator. */
    public void publishBlankForm(String code, String fileName, byte[] content) {
        run(() -> client().post().uri("/api/document-kinds/{code}/blank-form", code).headers(this::authenticate)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(filePart(fileName, content)).retrieve()
                .onStatus(s -> s.isError(), (request, response) -> {
                    throw problem(response.getStatusCode().value(), response.getBody().readAllBytes());
                }).toBodilessEntity());
    }

    private static MultiValueMap<String, Object> filePart(String fileName, byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName == null || fileName.isBlank() ? "document" : fileName;
            }
        });
        return parts;
    }

    /** Sends a document (multipart), as the logged-in user. */
    public UUID submit(String kind, Object childId, Object familyId, String fileName, byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("kind", kind);
        if (childId != null) {
            parts.add("childId", childId.toString());
        }
        if (familyId != null) {
            parts.add("familyId", familyId.toString());
        }
        parts.addAll(filePart(fileName, content));
        JsonNode answer = run(() -> client().post().uri("/api/documents").headers(this::authenticate)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve()
                .onStatus(s -> s.isError(), (request, response) -> {
                    throw problem(response.getStatusCode().value(), response.getBody().readAllBytes());
                }).body(JsonNode.class));
        return UUID.fromString(answer.path("documentId").asText());
    }

    /** A file, if the logged-in user may see it. */
    public FileDownload file(Object fileId) {
        ResponseEntity<byte[]> response = run(() -> client().get().uri("/api/files/{id}", fileId)
                .headers(this::authenticate).retrieve()
                .onStatus(s -> s.isError(), (request, r) -> {
                    throw problem(r.getStatusCode().value(), r.getBody().readAllBytes());
                }).toEntity(byte[].class));
        return new FileDownload(response.getBody() == null ? new byte[0] : response.getBody(),
                response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
    }

    private RestClient client() {
        if (files == null) {
            throw new ServiceUnavailable(CHILDREN, new IllegalStateException("marelle.services.children.url is not "
                    + "configured"));
        }
        return files;
    }

    private void authenticate(HttpHeaders headers) {
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(CurrentActor.actor().orElseThrow(() ->
                new IllegalStateException("A service call needs a logged-in user"))));
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object id = attributes == null ? null
                : attributes.getAttribute(CorrelationFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        headers.set("X-Correlation-Id", id != null ? id.toString() : UUID.randomUUID().toString());
    }

    private <T> T run(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            throw new ServiceUnavailable(CHILDREN, e);
        }
    }

    private RuntimeException problem(int status, byte[] body) {
        if (status >= 500 && status != 503) {
            return new ServiceUnavailable(CHILDREN, new IOException("HTTP " + status));
        }
        Map<String, ServiceProblem.FieldProblem> fields = new LinkedHashMap<>();
        String code = "UNKNOWN";
        String detail = "La demande n'a pas pu aboutir.";
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null) {
                problem.path("errors").forEach(e -> fields.putIfAbsent(e.path("field").asText(),
                        new ServiceProblem.FieldProblem(e.path("code").asText("INVALID"), e.path("message").asText())));
                code = problem.path("code").asText(code);
                detail = problem.path("detail").asText(detail);
            }
        } catch (IOException e) {
            // not a problem document: the generic refusal
        }
        return new ServiceProblem(status, code, detail, fields);
    }

    public static List<String> kindsOf(JsonNode statuses) {
        return statuses.findValuesAsText("code");
    }
}
