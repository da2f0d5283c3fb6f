package fr.marelle.billing.web;

import fr.marelle.platform.audit.Role;

/** Who may do what in billing: finance and administrators manage; auditors and agents read; parents read their own. */
final class Roles {

    static final Role[] MANAGE = {Role.ADMIN, Role.FINANCE};
    static final Role[] STAFF_READ = {Role.ADMIN, Role.FINANCE, Role.AUDITOR, Role.AGENT};
    static final Role[] FAMILY_READ = {Role.PARENT, Role.ADMIN, Role.FINANCE, Role.AUDITOR, Role.AGENT};

    private Roles() {
    }
}
