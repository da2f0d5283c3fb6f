package fr.marelle.platform.audit;

import java.util.Objects;

/**
 * Who is acting, and from where. Recorded with every command and its events.
 *
 * @param id       user id of the parent or staff member, or a system component name
 * @param role     the role the actor acts under
 * @param familyId the family the actor belongs to (parents), or {@code null}
 * @param clientIp the client address seen by the gateway, or {@code null} for the system
 */
public record Actor(String id, Role role, String familyId, String clientIp) {

    public Actor {
        Objects.requireNonNull(id, "actor id");
        Objects.requireNonNull(role, "actor role");
    }

    public static Actor system(String component) {
        return new Actor("system:" + component, Role.SYSTEM, null, null);
    }

    public boolean isParent() {
        return role == Role.PARENT;
    }
}
