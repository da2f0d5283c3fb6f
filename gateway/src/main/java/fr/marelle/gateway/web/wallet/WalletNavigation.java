package fr.marelle.gateway.web.wallet;

import fr.marelle.gateway.web.navigation.NavEntries;
import fr.marelle.gateway.web.navigation.NavEntry;
import org.springframework.stereotype.Component;

import java.util.List;

/** "Porte-monnaie" in the parents' space (screens 19 and 20); families' wallets in the console. */
@Component
class WalletNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.parent(60, "wallet", "wallet.nav.parent", "/porte-monnaie", NavEntry.ParentAccess.ACTIVE),
                NavEntry.console(430, "wallet", "wallet.nav.console", "/admin/porte-monnaie", "ADMIN", "FINANCE",
                        "AUDITOR"));
    }
}
