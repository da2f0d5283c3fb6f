package fr.marelle.gateway.security;

import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.accounts.AccountsClient;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the user in the session in step with accounts-service: a parent's account changes state outside the
 * session (the address confirmed from another device, staff activating or refusing the account).
 */
@Component
public class AccountState {

    private final AccountsClient accounts;
    private final AccountSessions sessions;

    AccountState(AccountsClient accounts, AccountSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** Reads the account and updates the session's user when it changed; the account, when there is one. */
    public Optional<AccountsClient.Me> read(HttpServletRequest request, HttpServletResponse response) {
        GatewayUser user = CurrentActor.user().orElseThrow();
        AccountsClient.Me me;
        try {
            me = accounts.me();
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                // registered with an address that already had an account: the page says what it says to anyone
                // who registered, and nothing more
                return Optional.empty();
            }
            throw problem;
        }
        if (me != null && user.userId().equals(String.valueOf(me.userId()))) {
            GatewayUser fresh = user.updated(me.status(), me.displayName(), me.loginEmail());
            if (!Objects.equals(fresh, user)) {
                sessions.update(fresh, request, response);
            }
        }
        return Optional.ofNullable(me);
    }

    /** The session's user after reading the account again. */
    public GatewayUser refresh(HttpServletRequest request, HttpServletResponse response) {
        read(request, response);
        return CurrentActor.user().orElseThrow();
    }
}
