package fr.marelle.gateway.web.notifications;

import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.notifications.NotificationsClient;
import fr.marelle.gateway.web.console.DashboardTile;
import fr.marelle.gateway.web.console.DashboardTiles;
import fr.marelle.gateway.web.console.FamilyFileSections;
import fr.marelle.gateway.web.console.FamilySection;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What notifications puts on the console: the failed messages waiting for staff (ADMIN, AGENT), and in a family's
 * file what the family gets, by email and by SMS, with a link to its messages and preferences.
 */
@Component
class NotificationsConsole implements DashboardTiles, FamilyFileSections {

    private final NotificationsClient notifications;

    NotificationsConsole(NotificationsClient notifications) {
        this.notifications = notifications;
    }

    @Override
    public List<DashboardTile> tiles(GatewayUser user) {
        if (!Set.of("ADMIN", "AGENT").contains(user.role().name())) {
            return List.of();
        }
        return List.of(DashboardTile.count(600, "failedMessages", "notifications.tile.failed",
                notifications.failed().size(), "notifications.tile.failed.unit", "/admin/notifications"));
    }

    @Override
    public List<FamilySection> sections(UUID familyId, GatewayUser user) {
        return List.of(new FamilySection(910, "notifications", "notifications.section.title", "notifications/parts",
                "familySection", Map.of("familyId", familyId, "preferences", notifications.preferences(familyId))));
    }
}
