package fr.marelle.gateway.security;

import fr.marelle.platform.audit.Role;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A person logged in to the portal: a parent of a family, or a staff member with one role, as accounts-service
 * described them at login. Kept in the session (serialised by Spring Session); no password or secret in it. Its
 * name is the user id, so that Spring Session indexes the session under it and every session of a user can be found
 * (and ended).
 *
 * @param status the account's status (parents: EMAIL_UNVERIFIED, AWAITING_ACTIVATION, ACTIVE, REFUSED…; staff:
 *               ACTIVE)
 */
public record GatewayUser(String userId, String email, String displayName, Role role, String familyId,
                          String status, String language) implements AuthenticatedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    public static final String ACTIVE = "ACTIVE";
    public static final String EMAIL_UNVERIFIED = "EMAIL_UNVERIFIED";
    public static final String AWAITING_ACTIVATION = "AWAITING_ACTIVATION";
    public static final String REFUSED = "REFUSED";

    public boolean isStaff() {
        return role.isStaff();
    }

    public boolean isParent() {
        return role == Role.PARENT;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** A parent whose address is confirmed but who waits for staff (or was refused): only the profile is open. */
    public boolean mayEditProfile() {
        return isActive() || AWAITING_ACTIVATION.equals(status) || REFUSED.equals(status);
    }

    /**
     * The family services may see this user act for: a parent's family once the account is active, never before
     * (a parent still waiting for activation has no family for children, planning, billing or the wallet).
     */
    public String familyIdForServices() {
        return isParent() && isActive() ? familyId : null;
    }

    public List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    /** The same user as accounts-service now describes them (null: unchanged). */
    public GatewayUser updated(String newStatus, String newDisplayName, String newEmail) {
        return new GatewayUser(userId, newEmail != null ? newEmail : email,
                newDisplayName != null ? newDisplayName : displayName, role, familyId,
                newStatus != null ? newStatus : status, language);
    }

    @Override
    public String getName() {
        return userId;
    }
}
