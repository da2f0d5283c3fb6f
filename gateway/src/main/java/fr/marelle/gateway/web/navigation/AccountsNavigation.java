package fr.marelle.gateway.web.navigation;

import org.springframework.stereotype.Component;

import java.util.List;

import static fr.marelle.gateway.web.navigation.NavEntry.ParentAccess.ACTIVE;
import static fr.marelle.gateway.web.navigation.NavEntry.ParentAccess.ALWAYS;
import static fr.marelle.gateway.web.navigation.NavEntry.ParentAccess.PROFILE;

/** The menu entries of accounts: home, profile and account; the console's dashboard, families, staff, status. */
@Component
class AccountsNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.parent(0, "home", "parent.nav.home", "/", ALWAYS),
                NavEntry.parent(10, "profile", "parent.nav.profile", "/mon-profil", PROFILE),
                NavEntry.parent(20, "account", "parent.nav.account", "/mon-compte", ACTIVE),
                NavEntry.console(0, "dashboard", "admin.nav.dashboard", "/admin"),
                NavEntry.console(10, "awaiting", "admin.nav.awaiting", "/admin/comptes-en-attente", "ADMIN", "AGENT"),
                NavEntry.console(20, "families", "admin.nav.families", "/admin/familles"),
                NavEntry.console(30, "newFamily", "admin.nav.newFamily", "/admin/familles/nouvelle", "ADMIN", "AGENT"),
                NavEntry.console(900, "staff", "admin.nav.staff", "/admin/personnel", "ADMIN"),
                NavEntry.console(910, "status", "admin.nav.status", "/admin/statut", "ADMIN", "AUDITOR"),
                NavEntry.console(990, "account", "admin.nav.account", "/mon-compte"));
    }
}
