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

    public static Optional<Actor> actor() {
        return user().map(user -> new Actor(user.userId(), user.role(), user.familyId(), clientIp()));
    }

    static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
