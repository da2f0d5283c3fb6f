package fr.marelle.platform.security;

import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;

import java.util.Arrays;
import java.util.Objects;

/**
 * The caller of the current request, and the checks every service applies: staff roles are enforced here, not only
 * hidden in menus; a parent only ever reaches their own family, and another family's ids answer 404.
 */
public final class Callers {

    private Callers() {
    }

    public static Actor current() {
        return ActorContext.actor().orElseThrow(() -> new IllegalStateException("No caller on this thread"));
    }

    /** Refuses with 403 unless the caller has one of the roles. */
    public static Actor require(Role... roles) {
        Actor actor = current();
        if (Arrays.stream(roles).noneMatch(role -> role == actor.role())) {
            throw DomainException.forbidden("FORBIDDEN_ROLE",
                    "Votre rôle ne permet pas cette action.");
        }
        return actor;
    }

    /**
     * Refuses with 403 unless the caller is the given application acting for itself (SYSTEM role): the gateway
     * ({@code gateway}) for logins and registrations, a peer service for what only it may ask.
     */
    public static Actor requireApplication(String keyId) {
        Actor actor = current();
        if (actor.role() != Role.SYSTEM || !actor.id().equals("system:" + keyId)) {
            throw DomainException.forbidden("FORBIDDEN_CALLER", "Cet appel est réservé à une autre application.");
        }
        return actor;
    }

    /**
     * The family a request may act on: a parent's own family whatever they asked for (another family's id answers
     * 404, as if it did not exist), or the family staff named.
     */
    public static String familyScope(String requestedFamilyId) {
        Actor actor = current();
        if (actor.role() == Role.PARENT) {
            if (requestedFamilyId != null && !Objects.equals(requestedFamilyId, actor.familyId())) {
                throw DomainException.notFound("FAMILY_NOT_FOUND", "Famille introuvable.");
            }
            return actor.familyId();
        }
        if (requestedFamilyId == null) {
            throw DomainException.invalid("FAMILY_REQUIRED", "La famille doit être précisée.", java.util.List.of());
        }
        return requestedFamilyId;
    }

    /** True when the caller may see data of the given family. */
    public static boolean canSee(String familyId) {
        Actor actor = current();
        return actor.role() != Role.PARENT || Objects.equals(actor.familyId(), familyId);
    }
}
