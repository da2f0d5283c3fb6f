package fr.marelle.gateway.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.gateway.config.GatewayProperties;
import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.web.CorrelationFilter;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.security.ServiceTokenIssuer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Calls the services over HTTP on behalf of the current user: each call carries a short-lived token naming the
 * user, role and family, and the request's correlation id. A problem answer becomes a {@link ServiceProblem}; no
 * answer becomes a {@link ServiceUnavailable}.
 */
@Component
public class ServiceClients {

    public static final Set<String> NAMES = Set.of("accounts", "children", "planning", "billing", "wallet",
            "notification");

    private final Map<String, RestClient> clients = new HashMap<>();
    private final ObjectMapper json;

    public ServiceClients(GatewayProperties properties, ServiceTokenIssuer tokens, RestClient.Builder builder,
                          ObjectMapper json) {
        this.json = json;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(2_000);
        factory.setReadTimeout(20_000);
        properties.getServices().forEach((name, service) -> {
            if (service.getUrl() != null) {
                clients.put(name, builder.clone()
                        .baseUrl(service.getUrl().toString())
                        .requestFactory(factory)
                        .requestInterceptor(authenticate(tokens))
                        .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                            throw problem(name, response.getStatusCode().value(), response.getBody().readAllBytes());
                        })
                        .build());
            }
        });
    }

    /** The client of a service; its calls run as the current user. */
    public Call service(String name) {
        RestClient client = clients.get(name);
        if (client == null) {
            throw new ServiceUnavailable(name, new IllegalStateException("marelle.services." + name
                    + ".url is not configured"));
        }
        return new Call(name, client);
    }

    public record Call(String name, RestClient client) {

        public <T> T get(String uri, Class<T> type, Object... variables) {
            try {
                return client.get().uri(uri, variables).retrieve().body(type);
            } catch (ResourceAccessException e) {
                throw new ServiceUnavailable(name, e);
            }
        }

        public <T> T post(String uri, Object body, Class<T> type, Object... variables) {
            try {
                return client.post().uri(uri, variables).body(body).retrieve().body(type);
            } catch (ResourceAccessException e) {
                throw new ServiceUnavailable(name, e);
            }
        }
    }

    private ClientHttpRequestInterceptor authenticate(ServiceTokenIssuer tokens) {
        return (request, body, execution) -> {
            Actor actor = CurrentActor.actor().orElseThrow(() -> new IllegalStateException(
                    "A service call needs a logged-in user"));
            request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(actor));
            request.getHeaders().set("X-Correlation-Id", correlationId());
            return execution.execute(request, body);
        };
    }

    private static String correlationId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object id = attributes == null ? null
                : attributes.getAttribute(CorrelationFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }

    private RuntimeException problem(String name, int status, byte[] body) {
        if (status >= 500) {
            return new ServiceUnavailable(name, new IOException("HTTP " + status));
        }
        try {
            JsonNode problem = json.readTree(body);
            return ServiceProblem.from(status, problem);
        } catch (IOException e) {
            return new ServiceProblem(status, "UNKNOWN", "La demande n'a pas pu aboutir.", Map.of());
        }
    }
}
