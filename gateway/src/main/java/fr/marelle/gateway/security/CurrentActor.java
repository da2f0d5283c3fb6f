package fr.marelle.gateway.security;

import fr.marelle.platform.audit.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;

/** The actor of the current request: the logged-in user, seen from the client's address. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<GatewayUser> user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof GatewayUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /**
     * The actor named in service tokens. A parent's family is named only once the account is active: before, the
     * services see a parent without a family (accounts-service answers {@code /api/me} from the user id).
     */
    public static Optional<Actor> actor() {
        return user().map(user -> new Actor(user.userId(), user.role(), user.familyIdForServices(), clientIp()));
    }

    /** The client's address (behind the reverse proxy, Tomcat's RemoteIpValve has already put it here). */
    public static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
