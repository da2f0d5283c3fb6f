package fr.marelle.gateway.security;

import fr.marelle.platform.audit.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/**
 * A person logged in to the portal: a parent of a family, or a staff member with one role. Kept in the session,
 * without its password hash (erased once authenticated).
 */
public final class GatewayUser implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final String userId;
    private final String email;
    private final String displayName;
    private final Role role;
    private final String familyId;
    private String passwordHash;

    public GatewayUser(String userId, String email, String displayName, Role role, String familyId,
                       String passwordHash) {
        this.userId = userId;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.familyId = familyId;
        this.passwordHash = passwordHash;
    }

    public String userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public String familyId() {
        return familyId;
    }

    public boolean isStaff() {
        return role.isStaff();
    }

    /** A copy with the hash, for one authentication attempt (the copy's hash is then erased). */
    GatewayUser copy() {
        return new GatewayUser(userId, email, displayName, role, familyId, passwordHash);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
