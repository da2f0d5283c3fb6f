package fr.marelle.platform.test;

import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role against each endpoint of a service's API, allowed and denied, checked by calling the running service:
 * a denied role gets 403 before anything else is looked at (not a 400 that reveals what the input should be, not a
 * 404), an allowed role never gets 403. Every endpoint under {@code /api/} must be in the matrix, so a new one
 * cannot be added without saying who may call it.
 *
 * <p>Path variables are filled with random ids and bodies are empty JSON objects: the matrix checks roles, not
 * business rules; a parent's family scoping (404 for another family) counts as allowed.
 */
public final class RoleMatrix {

    /** Who may call an endpoint. */
    public sealed interface Access permits Roles, Application {
    }

    /** Callers with one of these roles (staff and parents). */
    public record Roles(Set<Role> roles) implements Access {
    }

    /** Only an application acting for itself: the gateway, or a peer service by its key id. */
    public record Application(String keyId) implements Access {
    }

    private static final Set<Role> PEOPLE = EnumSet.of(Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE,
            Role.AUDITOR);
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private final ApplicationContext context;
    private final int port;
    private final Map<String, Access> endpoints = new LinkedHashMap<>();
    private final Map<Role, Actor> actors = new LinkedHashMap<>();

    private RoleMatrix(ApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    public static RoleMatrix of(ApplicationContext context, int port) {
        return new RoleMatrix(context, port);
    }

    /** {@code endpoint} is {@code "METHOD /path/{var}"} as mapped; the roles that may call it. */
    public RoleMatrix allow(String endpoint, Role... roles) {
        endpoints.put(endpoint, new Roles(roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0],
                roles)));
        return this;
    }

    /** An endpoint only the gateway ({@code gateway}) or a peer service may call, acting for itself. */
    public RoleMatrix application(String endpoint, String keyId) {
        endpoints.put(endpoint, new Application(keyId));
        return this;
    }

    /**
     * Calls as this actor for its role (e.g. a staff member or parent who really exists in the service), instead of
     * a made-up one: endpoints about the caller's own account then answer as they would in use.
     */
    public RoleMatrix as(Actor actor) {
        actors.put(actor.role(), actor);
        return this;
    }

    /** Calls every endpoint as every role and asserts the matrix; lists every discrepancy at once. */
    public void verify() {
        assertThat(mappedEndpoints()).as("endpoints under /api/ missing from the role matrix")
                .isSubsetOf(endpoints.keySet());
        assertThat(endpoints.keySet()).as("endpoints in the matrix that the service does not map")
                .isSubsetOf(mappedEndpoints());
        List<String> wrong = new ArrayList<>();
        ServiceApi api = new ServiceApi(port);
        for (Map.Entry<String, Access> entry : endpoints.entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String path = fill(entry.getKey().substring(entry.getKey().indexOf(' ') + 1));
            for (Role role : PEOPLE) {
                Actor actor = actors.getOrDefault(role, role == Role.PARENT
                        ? TestServiceTokens.parentOf(UUID.randomUUID().toString()) : TestServiceTokens.staff(role));
                boolean allowed = entry.getValue() instanceof Roles roles && roles.roles().contains(role);
                check(wrong, entry.getKey(), role.name(), call(api.as(actor), method, path), allowed);
            }
            if (entry.getValue() instanceof Application application) {
                ServiceApi.Caller caller = application.keyId().equals("gateway") ? api.as(TestServiceTokens.gateway())
                        : api.asPeer(application.keyId());
                check(wrong, entry.getKey(), "application " + application.keyId(), call(caller, method, path), true);
            } else {
                check(wrong, entry.getKey(), "gateway acting for itself",
                        call(api.as(TestServiceTokens.gateway()), method, path), false);
            }
        }
        assertThat(wrong).as("role matrix").isEmpty();
    }

    private static void check(List<String> wrong, String endpoint, String who, ServiceApi.Response response,
                              boolean allowed) {
        if (allowed && response.status() == 403) {
            wrong.add(endpoint + " as " + who + ": refused (403 " + response.code() + ") but should be allowed");
        } else if (!allowed && response.status() != 403) {
            wrong.add(endpoint + " as " + who + ": answered " + response.status() + " but should be refused with "
                    + "403");
        } else if (allowed && response.status() >= 500) {
            wrong.add(endpoint + " as " + who + ": failed with " + response.status() + " " + response.raw());
        }
    }

    private static ServiceApi.Response call(ServiceApi.Caller caller, String method, String path) {
        return switch (method) {
            case "GET" -> caller.get(path);
            case "DELETE" -> caller.delete(path);
            case "POST" -> caller.post(path, Map.of());
            case "PUT" -> caller.put(path, Map.of());
            default -> throw new IllegalArgumentException("Method not covered by the matrix: " + method);
        };
    }

    private static String fill(String template) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, UUID.randomUUID().toString());
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** The service's endpoints under /api/, as "METHOD /path". */
    private Set<String> mappedEndpoints() {
        Set<String> mapped = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> describe(info, mapped)));
        return mapped;
    }

    private static void describe(RequestMappingInfo info, Set<String> into) {
        Set<String> patterns = info.getPathPatternsCondition() != null
                ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : patterns) {
            if (!pattern.startsWith("/api/")) {
                continue;
            }
            for (RequestMethod method : methods) {
                into.add(method.name() + " " + pattern);
            }
        }
    }
}
