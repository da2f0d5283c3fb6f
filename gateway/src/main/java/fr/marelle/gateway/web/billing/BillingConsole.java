package fr.marelle.gateway.web.billing;

import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.billing.BillingClient;
import fr.marelle.gateway.web.console.ConfigurationEntries;
import fr.marelle.gateway.web.console.ConfigurationEntry;
import fr.marelle.gateway.web.console.FamilyFileSections;
import fr.marelle.gateway.web.console.FamilySection;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What billing puts on the console: in a family's file its latest orders and invoices (with their PDFs, credit notes
 * and console pages), and the tariff grids in the configuration hub. Only for the roles BillingRouteRules lets open
 * the pages linked: nothing is asked of billing-service for another role.
 */
@Component
class BillingConsole implements FamilyFileSections, ConfigurationEntries {

    /** Who opens a family's orders and invoices in the console (agents at the front desk too). */
    static final Set<String> FAMILY_READERS = Set.of("ADMIN", "FINANCE", "AUDITOR", "AGENT");
    /** Orders and invoices shown in the family file; the rest on the family's billing page. */
    static final int LATEST = 5;

    private final BillingClient billing;

    BillingConsole(BillingClient billing) {
        this.billing = billing;
    }

    @Override
    public List<FamilySection> sections(UUID familyId, GatewayUser user) {
        if (!FAMILY_READERS.contains(user.role().name())) {
            return List.of();
        }
        return List.of(new FamilySection(420, "commandes-factures", "billing.section.title", "billing/fragments",
                "familySection", Map.of("familyId", familyId, "billing", billing.familyBilling(familyId, LATEST))));
    }

    @Override
    public List<ConfigurationEntry> entries() {
        return List.of(
                new ConfigurationEntry(500, "console.config.group.tariffs", "billing.config.tariffs",
                        "billing.config.tariffs.description", "/admin/facturation/tarifs",
                        Set.of("ADMIN", "FINANCE", "AUDITOR")),
                new ConfigurationEntry(510, "console.config.group.tariffs", "billing.config.newGrid",
                        "billing.config.newGrid.description", "/admin/facturation/tarifs/nouvelle-grille",
                        Set.of("ADMIN", "FINANCE")));
    }
}
