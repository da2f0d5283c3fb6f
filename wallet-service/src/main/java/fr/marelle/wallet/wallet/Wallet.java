package fr.marelle.wallet.wallet;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import fr.marelle.wallet.wallet.WalletCommands.AdjustWallet;
import fr.marelle.wallet.wallet.WalletCommands.ChangeLowBalanceThreshold;
import fr.marelle.wallet.wallet.WalletCommands.CreditRecorded;
import fr.marelle.wallet.wallet.WalletCommands.CreditWallet;
import fr.marelle.wallet.wallet.WalletCommands.ReleaseCharges;
import fr.marelle.wallet.wallet.WalletCommands.ReserveCharges;
import fr.marelle.wallet.wallet.WalletCommands.SettleCharges;
import fr.marelle.wallet.wallet.WalletEvents.ChargeDebited;
import fr.marelle.wallet.wallet.WalletEvents.ChargesReleased;
import fr.marelle.wallet.wallet.WalletEvents.ChargesReserved;
import fr.marelle.wallet.wallet.WalletEvents.LowBalanceCrossed;
import fr.marelle.wallet.wallet.WalletEvents.LowBalanceThresholdChanged;
import fr.marelle.wallet.wallet.WalletEvents.ReleasedCharge;
import fr.marelle.wallet.wallet.WalletEvents.WalletCredited;
import fr.marelle.wallet.wallet.WalletEvents.WalletOpened;
import fr.marelle.wallet.wallet.WalletEvents.WalletOverdrawn;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The prepaid wallet of one family: a main balance and a CESU balance, what is to come on each, and every movement.
 * It opens with the first thing that happens to it (a reservation, a payment).
 *
 * <p>A charge is debited at most once, whatever billing's events do: delivered twice, or out of order (a settlement
 * before the reservation, a release before it). The wallet remembers each charge it settled or released, and a
 * settled charge is never reserved, released or debited again. Its state is kept in snapshots (every
 * {@code marelle.wallet.snapshot-every} events), so a wallet of many years loads quickly.
 */
@Aggregate(snapshotTriggerDefinition = "walletSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Wallet {

    @AggregateIdentifier
    private FamilyId familyId;
    private Money main = Money.ZERO;
    private Money cesu = Money.ZERO;
    private Money threshold = WalletRules.DEFAULT_LOW_BALANCE_THRESHOLD;
    /** Scheduled charges, not yet settled or released, by charge id. */
    private Map<String, ChargeLine> reserved = new LinkedHashMap<>();
    /** Charges debited: never again. */
    private Set<String> settled = new HashSet<>();
    /** Charges released (possibly before they were reserved): never reserved afterwards. */
    private Set<String> released = new HashSet<>();
    /** Credits and adjustments recorded, by the id their caller chose. */
    private Set<String> movements = new HashSet<>();
    /** CESU cheque numbers recorded. */
    private Set<String> cesuCheques = new HashSet<>();

    protected Wallet() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReserveCharges command) {
        openIfNew(command.familyId());
        WalletRules.chargesAreWellFormed(command.charges());
        List<ChargeLine> fresh = new ArrayList<>();
        Map<String, ChargeLine> after = new LinkedHashMap<>(reserved);
        for (ChargeLine charge : command.charges()) {
            String id = charge.chargeId();
            if (!settled.contains(id) && !released.contains(id) && !reserved.containsKey(id)) {
                fresh.add(charge);
                after.put(id, charge);
            }
        }
        if (!fresh.isEmpty()) {
            apply(new ChargesReserved(familyId, command.source(), fresh, balances(main, cesu, after.values())));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReleaseCharges command) {
        openIfNew(command.familyId());
        WalletRules.chargesAreWellFormed(command.charges());
        List<ReleasedCharge> releasedNow = new ArrayList<>();
        Map<String, ChargeLine> after = new LinkedHashMap<>(reserved);
        for (ChargeLine charge : command.charges()) {
            String id = charge.chargeId();
            if (settled.contains(id) || released.contains(id)) {
                continue; // already final: a settled charge stays debited, a release counts once
            }
            ChargeLine was = after.remove(id);
            releasedNow.add(new ReleasedCharge(id, was != null ? was.amount() : charge.amount(), was != null));
        }
        if (!releasedNow.isEmpty()) {
            apply(new ChargesReleased(familyId, command.reason(), releasedNow,
                    balances(main, cesu, after.values())));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SettleCharges command) {
        openIfNew(command.familyId());
        WalletRules.chargesAreWellFormed(command.charges());
        Map<String, ChargeLine> after = new LinkedHashMap<>(reserved);
        Money mainNow = main;
        Money cesuNow = cesu;
        for (ChargeLine charge : command.charges()) {
            if (settled.contains(charge.chargeId())) {
                continue; // debited at most once
            }
            after.remove(charge.chargeId());
            Money fromCesu = WalletRules.paidByCesu(charge, cesuNow);
            Money fromMain = charge.amount().minus(fromCesu);
            Money mainBefore = mainNow;
            mainNow = mainNow.minus(fromMain);
            cesuNow = cesuNow.minus(fromCesu);
            apply(new ChargeDebited(familyId, MovementId.ofCharge(charge.chargeId()), charge, fromCesu, fromMain,
                    balances(mainNow, cesuNow, after.values())));
            alertOnCrossing(mainBefore, mainNow);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CreditRecorded handle(CreditWallet command) {
        openIfNew(command.familyId());
        if (movements.contains(command.movementId().toString())) {
            return recorded(command.movementId(), false); // asked twice: recorded once
        }
        WalletRules.creditIsAnAmount(command.amount());
        WalletRules.pocketMatchesKind(command.pocket(), command.kind());
        WalletRules.reasonGiven(command.kind(), command.reason());
        WalletRules.chequeHasANumber(command.kind(), command.reference());
        if (command.kind() == CreditKind.CESU_CHEQUE) {
            WalletRules.cesuChequeNotYetRecorded(cesuCheques, command.reference());
        }
        credit(command.movementId(), command.pocket(), command.amount(), command.kind(), strip(command.reference()),
                strip(command.issuer()), strip(command.reason()));
        return recorded(command.movementId(), true);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CreditRecorded handle(AdjustWallet command) {
        openIfNew(command.familyId());
        if (movements.contains(command.movementId().toString())) {
            return recorded(command.movementId(), false);
        }
        WalletRules.adjustmentIsAnAmount(command.amount());
        WalletRules.reasonGiven(CreditKind.ADJUSTMENT, command.reason());
        if (command.pocket() == Pocket.CESU) {
            WalletRules.cesuStaysPositive(cesu.plus(command.amount()));
        }
        credit(command.movementId(), command.pocket(), command.amount(), CreditKind.ADJUSTMENT, null, null,
                strip(command.reason()));
        return recorded(command.movementId(), true);
    }

    /** The answer to a credit or an adjustment: the wallet's figures now (the event was applied, so the state is). */
    private CreditRecorded recorded(MovementId movementId, boolean now) {
        return new CreditRecorded(movementId, balances(main, cesu, reserved.values()), now);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeLowBalanceThreshold command) {
        openIfNew(command.familyId());
        WalletRules.thresholdIsReasonable(command.threshold());
        if (!command.threshold().equals(threshold)) {
            // a new threshold alerts nobody by itself: an alert is for a movement that crosses it
            apply(new LowBalanceThresholdChanged(familyId, command.threshold()));
        }
    }

    private void credit(MovementId movementId, Pocket pocket, Money amount, CreditKind kind, String reference,
                        String issuer, String reason) {
        Money mainAfter = pocket == Pocket.MAIN ? main.plus(amount) : main;
        Money cesuAfter = pocket == Pocket.CESU ? cesu.plus(amount) : cesu;
        Money mainBefore = main;
        apply(new WalletCredited(familyId, movementId, pocket, amount, kind, reference, issuer, reason,
                balances(mainAfter, cesuAfter, reserved.values())));
        alertOnCrossing(mainBefore, mainAfter);
    }

    private void alertOnCrossing(Money before, Money after) {
        if (WalletRules.crossesBelowThreshold(before, after, threshold)) {
            apply(new LowBalanceCrossed(familyId, after, threshold));
        }
        if (WalletRules.crossesBelowZero(before, after)) {
            apply(new WalletOverdrawn(familyId, after));
        }
    }

    private void openIfNew(FamilyId requested) {
        if (familyId == null) {
            apply(new WalletOpened(requested, WalletRules.DEFAULT_LOW_BALANCE_THRESHOLD));
        }
    }

    /** The four figures of the wallet with these balances and these reservations (see {@link Balances}). */
    static Balances balances(Money main, Money cesu, java.util.Collection<ChargeLine> reservations) {
        Money cesuLeft = cesu;
        Money upcomingCesu = Money.ZERO;
        Money upcomingMain = Money.ZERO;
        List<ChargeLine> byDay = new ArrayList<>(reservations);
        byDay.sort(Comparator.comparing(ChargeLine::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ChargeLine::chargeId));
        for (ChargeLine charge : byDay) {
            Money byCesu = WalletRules.paidByCesu(charge, cesuLeft);
            cesuLeft = cesuLeft.minus(byCesu);
            upcomingCesu = upcomingCesu.plus(byCesu);
            upcomingMain = upcomingMain.plus(charge.amount().minus(byCesu));
        }
        return new Balances(main, cesu, upcomingMain, upcomingCesu);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @EventSourcingHandler
    void on(WalletOpened event) {
        familyId = event.familyId();
        threshold = event.lowBalanceThreshold();
    }

    @EventSourcingHandler
    void on(ChargesReserved event) {
        event.charges().forEach(c -> reserved.put(c.chargeId(), c));
    }

    @EventSourcingHandler
    void on(ChargesReleased event) {
        event.charges().forEach(c -> {
            reserved.remove(c.chargeId());
            released.add(c.chargeId());
        });
    }

    @EventSourcingHandler
    void on(ChargeDebited event) {
        reserved.remove(event.charge().chargeId());
        released.remove(event.charge().chargeId());
        settled.add(event.charge().chargeId());
        main = event.balances().main();
        cesu = event.balances().cesu();
    }

    @EventSourcingHandler
    void on(WalletCredited event) {
        movements.add(event.movementId().toString());
        if (event.kind() == CreditKind.CESU_CHEQUE && event.reference() != null) {
            cesuCheques.add(WalletRules.chequeKey(event.reference()));
        }
        main = event.balances().main();
        cesu = event.balances().cesu();
    }

    @EventSourcingHandler
    void on(LowBalanceThresholdChanged event) {
        threshold = event.threshold();
    }
}
