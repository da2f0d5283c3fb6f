package fr.marelle.platform.security;

import fr.marelle.platform.audit.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;

/** An authenticated call from the gateway on behalf of an actor. */
public class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    private final Jwt token;

    public ActorAuthentication(Actor actor, Jwt token) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
        this.actor = actor;
        this.token = token;
        setAuthenticated(true);
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.id();
    }
}
