package fr.marelle.gateway.web.notifications;

import fr.marelle.gateway.web.navigation.NavEntries;
import fr.marelle.gateway.web.navigation.NavEntry;
import org.springframework.stereotype.Component;

import java.util.List;

/** "Mes notifications" in the parents' space (screen 21, last of the old portal's menu); messages and newsletters in the console. */
@Component
class NotificationsNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.parent(90, "notifications", "notifications.nav.parent", "/mes-notifications",
                        NavEntry.ParentAccess.ACTIVE),
                NavEntry.console(600, "messages", "notifications.nav.failed", "/admin/notifications", "ADMIN", "AGENT"),
                NavEntry.console(610, "newsletters", "notifications.nav.newsletters", "/admin/lettres", "ADMIN",
                        "AGENT", "FINANCE", "AUDITOR"));
    }
}
