package fr.marelle.planning.web;

import fr.marelle.platform.audit.Role;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint of {@code /api/}, checked before anything of the request is read: a caller
 * without one of them gets 403, never a 400 about input they may not send nor a 404. Every endpoint declares it
 * ({@link AllowedRoles} refuses those that do not); what a role may then see (a parent's own family) is the
 * service's to check.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface Allowed {

    Role[] value();
}
