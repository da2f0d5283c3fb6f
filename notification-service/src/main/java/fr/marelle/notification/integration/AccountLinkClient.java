package fr.marelle.notification.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.notification.message.rendering.LinkProvider;
import fr.marelle.notification.message.rendering.LinkRequest;
import fr.marelle.notification.message.rendering.LinkUnavailableException;
import fr.marelle.notification.message.rendering.ResolvedLink;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.security.ServiceTokenIssuer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Single-use links from accounts-service: {@code POST /api/account-links {"requestId": …}} with a service token
 * signed by notification-service's own key, acting as itself ({@code system:notification}).
 *
 * <p>The answer is a link for this delivery only ({@code 200 {url, expiresAt}}), or a permanent refusal
 * ({@code 422 LINK_EXPIRED_OR_USED}: the request was used, replaced by a newer one or has expired; retrying cannot
 * help, so the message fails at once with that reason). Everything else (accounts-service down, slow, answering
 * 5xx, or refusing our token because the keys are not configured on its side yet) fails the attempt for now: the
 * delivery is retried with its back-off. Neither the link nor the token is ever logged or put in a reason.
 */
final class AccountLinkClient implements LinkProvider {

    static final String PATH = "/api/account-links";

    private final HttpClient http;
    private final URI endpoint;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final ServiceTokenIssuer tokens;
    private final Actor self;
    private final ObjectMapper json;

    AccountLinkClient(AccountsServiceProperties accounts, ServiceTokenIssuer tokens, String keyId, ObjectMapper json) {
        this.connectTimeout = accounts.connectTimeout();
        this.timeout = accounts.timeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = accounts.url().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH);
        this.tokens = tokens;
        this.self = Actor.system(keyId);
        this.json = json;
    }

    @Override
    public ResolvedLink linkFor(LinkRequest request) throws LinkUnavailableException {
        String what = "Lien " + request.kind();
        if (request.issuerRequestId() == null || request.issuerRequestId().isBlank()) {
            throw new LinkUnavailableException(what + " impossible : le message ne désigne aucune demande de "
                    + "accounts-service", true, null);
        }
        HttpResponse<byte[]> response = send(what, request.issuerRequestId());
        int status = response.statusCode();
        if (status == 200) {
            return linkFrom(what, response.body());
        }
        String code = problemCode(response.body());
        if (status == 422 || status == 400) {
            // the request can never give a link: used, replaced by a newer one, expired, or malformed
            throw new LinkUnavailableException(what + " refusé par accounts-service (" + status
                    + (code == null ? "" : " " + code) + ")"
                    + ("LINK_EXPIRED_OR_USED".equals(code) ? " : la demande a déjà servi, a été remplacée ou a expiré"
                    : ""), true, null);
        }
        if (status == 401 || status == 403) {
            throw new LinkUnavailableException(what + " : accounts-service refuse l'appel de notification-service ("
                    + status + (code == null ? "" : " " + code) + ") ; vérifier la clé de service de notification "
                    + "et MARELLE_SERVICETOKEN_PEERS_NOTIFICATION côté accounts-service");
        }
        throw new LinkUnavailableException(what + " : accounts-service a répondu " + status
                + (code == null ? "" : " " + code) + " ; nouvel essai plus tard");
    }

    private HttpResponse<byte[]> send(String what, String requestId) throws LinkUnavailableException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", "Bearer " + tokens.issue(self))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        ActorContext.current().ifPresent(current -> builder.header("X-Correlation-Id", current.correlationId()));
        try {
            builder.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(
                    Map.of("requestId", requestId))));
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new LinkUnavailableException(what + " : accounts-service injoignable (" + endpoint.getHost() + ":"
                    + endpoint.getPort() + ", délai de connexion " + connectTimeout.toMillis() + " ms)", false, e);
        } catch (HttpTimeoutException e) {
            throw new LinkUnavailableException(what + " : accounts-service n'a pas répondu en " + timeout.toMillis()
                    + " ms", false, e);
        } catch (IOException e) {
            throw new LinkUnavailableException(what + " : échange avec accounts-service interrompu ("
                    + e.getClass().getSimpleName() + ")", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkUnavailableException(what + " : demande à accounts-service interrompue", false, e);
        }
    }

    private ResolvedLink linkFrom(String what, byte[] body) throws LinkUnavailableException {
        try {
            JsonNode answer = json.readTree(body);
            String url = answer.path("url").asText(null);
            if (url == null || url.isBlank()) {
                throw new LinkUnavailableException(what + " : réponse de accounts-service sans adresse");
            }
            JsonNode expiresAt = answer.path("expiresAt");
            return new ResolvedLink(url, expiresAt.isTextual() ? Instant.parse(expiresAt.asText()) : null);
        } catch (IOException | DateTimeParseException e) {
            // the body holds the link: never quoted
            throw new LinkUnavailableException(what + " : réponse de accounts-service illisible ("
                    + e.getClass().getSimpleName() + ")", false, null);
        }
    }

    private String problemCode(byte[] body) {
        try {
            String code = json.readTree(body).path("code").asText(null);
            return code != null && code.matches("[A-Z0-9_]{1,60}") ? code : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public Duration longestCall() {
        return connectTimeout.plus(timeout);
    }

    @Override
    public String toString() {
        return "AccountLinkClient[" + endpoint + "]";
    }
}
