package fr.marelle.gateway.web.console;

import fr.marelle.gateway.security.GatewayUser;

import java.util.List;

/**
 * The tiles a feature puts on the console's home page for a staff member (only those of queues their role may
 * open). Each feature declares its own as a bean; they are asked at once, and one whose service does not answer is
 * shown as unavailable without hiding the others.
 */
@FunctionalInterface
public interface DashboardTiles {

    List<DashboardTile> tiles(GatewayUser user);
}
