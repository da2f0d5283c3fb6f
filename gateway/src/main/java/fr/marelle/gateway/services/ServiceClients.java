package fr.marelle.gateway.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.gateway.config.GatewayProperties;
import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.web.CorrelationFilter;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.security.ServiceTokenIssuer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Calls the services over HTTP. Each call carries a short-lived token naming who acts — the logged-in user
 * ({@link #service}), or the gateway itself for what happens before anyone is logged in ({@link #serviceAsGateway}:
 * logins, registrations, emailed links) — with the client's address and the request's correlation id. A problem
 * answer becomes a {@link ServiceProblem}; no answer, or a 5xx, becomes a {@link ServiceUnavailable}.
 */
@Component
public class ServiceClients {

    /** The services, in the order pages list them. */
    public static final List<String> ALL = List.of("accounts", "children", "planning", "billing", "wallet",
            "notification");
    public static final Set<String> NAMES = Set.copyOf(ALL);
    /** The gateway acting for itself, as the services' {@code Callers.requireApplication("gateway")} expects. */
    public static final String GATEWAY_ACTOR = "system:gateway";

    private final Map<String, RestClient> clients = new HashMap<>();
    /** The same, waiting up to ten minutes for an answer: rebuilds of read models, whole-service verifications. */
    private final Map<String, RestClient> patientClients = new HashMap<>();
    private final ServiceTokenIssuer tokens;

    public ServiceClients(GatewayProperties properties, ServiceTokenIssuer tokens, RestClient.Builder builder,
                          ObjectMapper json) {
        this.tokens = tokens;
        properties.getServices().forEach((name, service) -> {
            if (service.getUrl() != null) {
                clients.put(name, client(builder, json, name, service, Duration.ofSeconds(20)));
                patientClients.put(name, client(builder, json, name, service, Duration.ofMinutes(10)));
            }
        });
    }

    private static RestClient client(RestClient.Builder builder, ObjectMapper json, String name,
                                     GatewayProperties.Service service, Duration readTimeout) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(2_000);
        factory.setReadTimeout((int) readTimeout.toMillis());
        // values are encoded strictly (an '&' or '+' in a search stays in its parameter)
        DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory(service.getUrl().toString());
        uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
        return builder.clone()
                .uriBuilderFactory(uris)
                .requestFactory(factory)
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    throw problem(json, name, response.getStatusCode().value(), response.getBody().readAllBytes());
                })
                .build();
    }

    /** The client of a service; its calls run as the logged-in user. */
    public Call service(String name) {
        return new Call(name, client(name), ServiceClients::loggedInUser, tokens);
    }

    /** As {@link #service}, for calls that may take minutes (an auditor's rebuild of a read model). */
    public Call patientService(String name) {
        RestClient client = patientClients.get(name);
        return new Call(name, client != null ? client : client(name), ServiceClients::loggedInUser, tokens);
    }

    private static Actor loggedInUser() {
        return CurrentActor.actor().orElseThrow(() -> new IllegalStateException("A service call needs a logged-in user"));
    }

    /**
     * The client of a service; its calls run as the gateway itself ({@value #GATEWAY_ACTOR}, role SYSTEM) with the
     * client's address, for what nobody logged in can ask: logins, registrations, emailed links.
     */
    public Call serviceAsGateway(String name) {
        return new Call(name, client(name), () -> new Actor(GATEWAY_ACTOR, Role.SYSTEM, null,
                CurrentActor.clientIp()), tokens);
    }

    private RestClient client(String name) {
        RestClient client = clients.get(name);
        if (client == null) {
            throw new ServiceUnavailable(name, new IllegalStateException("marelle.services." + name
                    + ".url is not configured"));
        }
        return client;
    }

    /** Calls to one service as one actor. */
    public static final class Call {

        private final String name;
        private final RestClient client;
        private final Supplier<Actor> actor;
        private final ServiceTokenIssuer tokens;

        Call(String name, RestClient client, Supplier<Actor> actor, ServiceTokenIssuer tokens) {
            this.name = name;
            this.client = client;
            this.actor = actor;
            this.tokens = tokens;
        }

        public <T> T get(String uri, Class<T> type, Object... variables) {
            return run(() -> client.get().uri(uri, variables).headers(this::authenticate).retrieve().body(type));
        }

        /** A GET of {@code path} with the query parameters given (null values left out), each encoded strictly. */
        public <T> T get(String path, Map<String, ?> query, ParameterizedTypeReference<T> type) {
            StringBuilder template = new StringBuilder(path);
            List<Object> values = new ArrayList<>();
            query.forEach((name, value) -> {
                Collection<?> all = value == null ? List.of() : value instanceof Collection<?> many ? many
                        : List.of(value);
                for (Object one : all) {
                    template.append(values.isEmpty() ? '?' : '&').append(name).append("={v").append(values.size())
                            .append('}');
                    values.add(one);
                }
            });
            return get(template.toString(), type, values.toArray());
        }

        public <T> T get(String uri, ParameterizedTypeReference<T> type, Object... variables) {
            return run(() -> client.get().uri(uri, variables).headers(this::authenticate).retrieve().body(type));
        }

        /** A POST whose answer is read as {@code type} ({@code Void.class} when there is none). */
        public <T> T post(String uri, Object body, Class<T> type, Object... variables) {
            return run(() -> client.post().uri(uri, variables).headers(this::authenticate)
                    .contentType(MediaType.APPLICATION_JSON).body(body == null ? Map.of() : body)
                    .retrieve().body(type));
        }

        public void put(String uri, Object body, Object... variables) {
            run(() -> client.put().uri(uri, variables).headers(this::authenticate)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
        }

        private void authenticate(HttpHeaders headers) {
            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(actor.get()));
            headers.set("X-Correlation-Id", correlationId());
        }

        private <T> T run(Supplier<T> call) {
            try {
                return call.get();
            } catch (ResourceAccessException e) {
                throw new ServiceUnavailable(name, e);
            }
        }
    }

    private static String correlationId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object id = attributes == null ? null
                : attributes.getAttribute(CorrelationFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }

    private static RuntimeException problem(ObjectMapper json, String name, int status, byte[] body) {
        if (status >= 500) {
            return new ServiceUnavailable(name, new IOException("HTTP " + status));
        }
        try {
            JsonNode problem = json.readTree(body);
            return ServiceProblem.from(status, problem == null ? json.createObjectNode() : problem);
        } catch (IOException e) {
            return new ServiceProblem(status, "UNKNOWN", "La demande n'a pas pu aboutir.", Map.of());
        }
    }
}
