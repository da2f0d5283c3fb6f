package fr.marelle.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;

/**
 * A parent's account opens in steps: until the address is confirmed only the home page is open; until staff
 * activate the account (or if they refused it), the home page and "Mon profil". Any other page sends the parent
 * home, with a message. The user kept in the session is refreshed from accounts-service first, so that an account
 * activated meanwhile opens at once. Staff and public pages are not concerned.
 */
@Component
public class ActivationGate implements HandlerInterceptor {

    /** Open to every logged-in parent, whatever the account's state. */
    static final List<String> ALWAYS_OPEN = List.of("/", "/email-de-validation", "/deconnexion", "/error",
            "/connexion", "/inscription", "/mot-de-passe/", "/compte/", "/accessibilite", "/mentions-legales", "/donnees-personnelles", "/commune/", "/css/", "/js/", "/img/",
            "/webjars/", "/favicon.ico", "/actuator/");
    /** Open once the address is confirmed, before activation. */
    static final List<String> OPEN_BEFORE_ACTIVATION = List.of("/mon-profil");

    private final AccountState accountState;

    ActivationGate(AccountState accountState) {
        this.accountState = accountState;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        GatewayUser user = CurrentActor.user().orElse(null);
        if (user == null || !user.isParent() || user.isActive()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (matches(path, ALWAYS_OPEN)) {
            return true;
        }
        if (user.mayEditProfile() && matches(path, OPEN_BEFORE_ACTIVATION)) {
            return true;
        }
        GatewayUser fresh = accountState.refresh(request, response);
        if (fresh.isActive() || (fresh.mayEditProfile() && matches(path, OPEN_BEFORE_ACTIVATION))) {
            return true;
        }
        response.sendRedirect(request.getContextPath() + "/?restreint");
        return false;
    }

    static boolean matches(String path, List<String> prefixes) {
        for (String prefix : prefixes) {
            boolean match = prefix.equals("/") ? path.equals("/")
                    : prefix.endsWith("/") ? path.startsWith(prefix)
                    : path.equals(prefix) || path.startsWith(prefix + "/");
            if (match) {
                return true;
            }
        }
        return false;
    }
}
