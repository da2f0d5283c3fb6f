package fr.marelle.gateway.web.billing;

import fr.marelle.gateway.web.navigation.NavEntries;
import fr.marelle.gateway.web.navigation.NavEntry;
import org.springframework.stereotype.Component;

import java.util.List;

/** "Ma facturation" in the parents' space; month end, families' billing and tariffs in the console. */
@Component
class BillingNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.parent(50, "billing", "billing.nav.parent", "/ma-facturation", NavEntry.ParentAccess.ACTIVE),
                NavEntry.console(400, "billing", "billing.nav.invoicing", "/admin/facturation", "ADMIN", "FINANCE",
                        "AUDITOR"),
                NavEntry.console(410, "billingFamilies", "billing.nav.families", "/admin/facturation/familles",
                        "ADMIN", "FINANCE", "AUDITOR", "AGENT"),
                NavEntry.console(420, "tariffs", "billing.nav.tariffs", "/admin/facturation/tarifs", "ADMIN",
                        "FINANCE", "AUDITOR"));
    }
}
