package fr.marelle.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The gateway's HTTP sessions (Spring Session JDBC, shared by replicas): opening an authenticated session once
 * accounts-service has accepted a login (with a new session id and a new CSRF token), updating the user kept in it,
 * the pending second step of a staff login, and ending every other session of a user after a password or login
 * address change.
 */
@Component
public class AccountSessions {

    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

    private final SessionAuthenticationStrategy sessionStrategy;
    private final SecurityContextRepository contexts;
    private final RequestCache requestCache;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    AccountSessions(SessionAuthenticationStrategy sessionStrategy, SecurityContextRepository contexts,
                    RequestCache requestCache, FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessionStrategy = sessionStrategy;
        this.contexts = contexts;
        this.requestCache = requestCache;
        this.sessions = sessions;
    }

    /**
     * The user is logged in: the session gets a new id (session fixation) and a new CSRF token, and is indexed
     * under the user id. Returns where to go next: the page that asked for a login, else the user's home.
     */
    public String signIn(GatewayUser user, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        Authentication authentication = authentication(user);
        sessionStrategy.onAuthentication(authentication, request, response);
        HttpSession session = request.getSession();
        session.removeAttribute(PendingLogin.ATTRIBUTE);
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, user.userId());
        save(authentication, request, response);
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        if (saved != null && !(user.isParent() && saved.getRedirectUrl().contains("/admin"))) {
            return saved.getRedirectUrl();
        }
        return user.isStaff() ? "/admin" : "/";
    }

    /** The user kept in the session changed (a status, a name): the session keeps the new one. */
    public void update(GatewayUser user, HttpServletRequest request, HttpServletResponse response) {
        save(authentication(user), request, response);
    }

    public Optional<PendingLogin> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(PendingLogin.ATTRIBUTE) instanceof PendingLogin pending
                ? Optional.of(pending) : Optional.empty();
    }

    public void setPending(PendingLogin pending, HttpServletRequest request) {
        request.getSession(true).setAttribute(PendingLogin.ATTRIBUTE, pending);
    }

    public void clearPending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PendingLogin.ATTRIBUTE);
        }
    }

    /**
     * Ends every session of the user but the current one, when the current one is theirs: after a password change
     * or reset, or a change of login address, whoever kept a session open elsewhere must log in again.
     *
     * @return how many sessions were ended
     */
    public int endOtherSessions(String userId, HttpServletRequest request) {
        HttpSession current = request.getSession(false);
        String keep = current == null ? null : current.getId();
        int ended = 0;
        for (String id : sessions.findByPrincipalName(userId).keySet()) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        if (ended > 0) {
            log.info("Ended {} other session(s) of user {}", ended, userId);
        }
        return ended;
    }

    private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static Authentication authentication(GatewayUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    }
}
