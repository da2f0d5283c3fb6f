package fr.marelle.gateway.web.wallet;

import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.wallet.WalletClient;
import fr.marelle.gateway.services.wallet.WalletClient.MonthFlow;
import fr.marelle.gateway.web.console.Chart;
import fr.marelle.gateway.web.console.ConsoleCharts;
import fr.marelle.gateway.web.console.DashboardTile;
import fr.marelle.gateway.web.console.DashboardTiles;
import fr.marelle.gateway.web.console.FamilyFileSections;
import fr.marelle.gateway.web.console.FamilySection;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the wallet puts on the console: the wallets below zero (a figure for the finance desk, with the list), in a
 * family's file its wallet's four figures and last movements (with the way to the page where staff record payments),
 * and money in and out of the wallets per month. Only for the roles wallet-service lets read them: nothing is asked
 * of it for a role that may not see the answer.
 */
@Component
class WalletConsole implements DashboardTiles, FamilyFileSections, ConsoleCharts {

    /** Who sees every wallet at once (the figure, the list, the chart): wallet-service's finance desk. */
    static final Set<String> FINANCE_DESK = Set.of("ADMIN", "FINANCE");
    /** Who opens a family's wallet in the console (WalletRouteRules). */
    static final Set<String> WALLET_READERS = Set.of("ADMIN", "FINANCE", "AUDITOR");
    /** Movements shown in the family file; the rest on the wallet's page. */
    static final int LAST_MOVEMENTS = 5;

    private final WalletClient wallet;
    private final Texts texts;

    WalletConsole(WalletClient wallet, Texts texts) {
        this.wallet = wallet;
        this.texts = texts;
    }

    @Override
    public List<DashboardTile> tiles(GatewayUser user) {
        if (!FINANCE_DESK.contains(user.role().name())) {
            return List.of();
        }
        return List.of(DashboardTile.count(430, "overdrawnWallets", "wallet.tile.overdrawn",
                wallet.overdrawn(0).count(), "wallet.tile.overdrawn.unit", "/admin/porte-monnaie/negatifs"));
    }

    @Override
    public List<FamilySection> sections(UUID familyId, GatewayUser user) {
        if (!WALLET_READERS.contains(user.role().name())) {
            return List.of();
        }
        return List.of(new FamilySection(430, "porte-monnaie", "wallet.section.title", "wallet/parts",
                "familySection", Map.of("familyId", familyId, "wallet", wallet.wallet(familyId),
                        "movements", wallet.movements(familyId, null, LAST_MOVEMENTS),
                        "mayRecord", FINANCE_DESK.contains(user.role().name()))));
    }

    @Override
    public List<Chart> charts(LocalDate from, LocalDate to) {
        boolean financeDesk = CurrentActor.user().map(u -> FINANCE_DESK.contains(u.role().name())).orElse(false);
        if (!financeDesk) {
            return List.of();
        }
        List<MonthFlow> months = wallet.flows(from, to);
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", LocaleContextHolder.getLocale());
        return List.of(new Chart(430, "porte-monnaie", "wallet.chart.title", "wallet.chart.unit",
                months.stream().map(m -> m.month().format(month)).toList(),
                List.of(new Chart.Series(texts.get("wallet.chart.in"), months.stream().map(MonthFlow::inCents)
                                .toList()),
                        new Chart.Series(texts.get("wallet.chart.out"), months.stream()
                                .map(MonthFlow::debitedCents).toList()),
                        new Chart.Series(texts.get("wallet.chart.refunds"), months.stream()
                                .map(MonthFlow::refundCents).toList())),
                true, FINANCE_DESK));
    }
}
