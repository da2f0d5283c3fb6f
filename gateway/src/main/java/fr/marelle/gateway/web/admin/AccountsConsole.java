package fr.marelle.gateway.web.admin;

import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.accounts.AccountsClient;
import fr.marelle.gateway.web.console.ConfigurationEntries;
import fr.marelle.gateway.web.console.ConfigurationEntry;
import fr.marelle.gateway.web.console.DashboardTile;
import fr.marelle.gateway.web.console.DashboardTiles;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** What accounts puts on the console: accounts waiting for activation; staff and roles in the configuration. */
@Component
class AccountsConsole implements DashboardTiles, ConfigurationEntries {

    private final AccountsClient accounts;

    AccountsConsole(AccountsClient accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<DashboardTile> tiles(GatewayUser user) {
        if (!Set.of("ADMIN", "AGENT").contains(user.role().name())) {
            return List.of();
        }
        return List.of(DashboardTile.count(0, "awaiting", "console.tile.awaiting",
                accounts.awaitingActivation().size(), "console.tile.awaiting.unit", "/admin/comptes-en-attente"));
    }

    @Override
    public List<ConfigurationEntry> entries() {
        return List.of(
                new ConfigurationEntry(900, "console.config.group.access", "admin.nav.staff",
                        "console.config.staff", "/admin/personnel", Set.of("ADMIN")),
                new ConfigurationEntry(910, "console.config.group.access", "console.roles.title",
                        "console.config.roles", "/admin/configuration/roles", Set.of()));
    }
}
