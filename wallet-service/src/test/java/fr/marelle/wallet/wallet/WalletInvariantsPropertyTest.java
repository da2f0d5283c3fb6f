package fr.marelle.wallet.wallet;

import fr.marelle.wallet.wallet.WalletCommands.AdjustWallet;
import fr.marelle.wallet.wallet.WalletCommands.ChangeLowBalanceThreshold;
import fr.marelle.wallet.wallet.WalletCommands.CreditWallet;
import fr.marelle.wallet.wallet.WalletCommands.ReleaseCharges;
import fr.marelle.wallet.wallet.WalletCommands.ReserveCharges;
import fr.marelle.wallet.wallet.WalletCommands.SettleCharges;
import fr.marelle.wallet.wallet.WalletEvents.ChargeDebited;
import fr.marelle.wallet.wallet.WalletEvents.ChargesReleased;
import fr.marelle.wallet.wallet.WalletEvents.ChargesReserved;
import fr.marelle.wallet.wallet.WalletEvents.LowBalanceCrossed;
import fr.marelle.wallet.wallet.WalletEvents.LowBalanceThresholdChanged;
import fr.marelle.wallet.wallet.WalletEvents.WalletCredited;
import fr.marelle.wallet.wallet.WalletEvents.WalletOverdrawn;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import net.jqwik.api.constraints.Size;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallet's invariants over random sequences of top-ups, CESU cheques, cash, refunds, adjustments, reservations,
 * cancellations, settlements (twice, out of order, of charges never reserved) and threshold changes, each sent to
 * the aggregate as a command (refused ones included):
 * the balances always equal the sum of the wallet's movements; a charge is debited at most once; the CESU balance
 * never goes below zero and pays only what it may; what is to come is exactly the charges reserved and not yet
 * settled or released; an alert is published exactly when a movement crosses its line downwards.
 */
class WalletInvariantsPropertyTest {

    /** One thing that may happen to a wallet. */
    interface Step {
    }

    record Credit(CreditKind kind, long cents, int repeatOf) implements Step {
    }

    record Adjust(boolean cesu, long cents) implements Step {
    }

    record Reserve(List<Integer> charges) implements Step {
    }

    record Release(List<Integer> charges) implements Step {
    }

    record Settle(List<Integer> charges) implements Step {
    }

    record Threshold(long cents) implements Step {
    }

    /** 12 charges per run: some cheap canteen meals, some daycare CESU may pay, on a few days. */
    static ChargeLine charge(int index) {
        boolean daycare = index % 3 != 0;
        return new ChargeLine("charge-" + index, "booking-" + index, "child-" + (index % 2),
                daycare ? "evening-daycare" : "canteen", LocalDate.of(2026, 9, 1).plusDays(index % 5),
                Money.ofCents(daycare ? 150 + 40L * index : 380 + 5L * index), daycare);
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<List<Integer>> someCharges = Arbitraries.integers().between(0, 11).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Step> credit = Combinators.combine(
                Arbitraries.of(CreditKind.TOP_UP, CreditKind.CESU_CHEQUE, CreditKind.CASH, CreditKind.CHEQUE,
                        CreditKind.REFUND),
                Arbitraries.longs().between(-100, 20_000),
                Arbitraries.integers().between(-1, 3)).as(Credit::new);
        Arbitrary<Step> adjust = Combinators.combine(Arbitraries.of(true, false),
                Arbitraries.longs().between(-5_000, 5_000)).as(Adjust::new);
        Arbitrary<Step> reserve = someCharges.map(Reserve::new);
        Arbitrary<Step> release = someCharges.map(Release::new);
        Arbitrary<Step> settle = someCharges.map(Settle::new);
        Arbitrary<Step> threshold = Arbitraries.longs().between(0, 5_000).map(Threshold::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, credit), net.jqwik.api.Tuple.of(2, adjust),
                net.jqwik.api.Tuple.of(3, reserve), net.jqwik.api.Tuple.of(2, release),
                net.jqwik.api.Tuple.of(4, settle), net.jqwik.api.Tuple.of(1, threshold))
                .list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 150)
    void the_balances_always_equal_the_sum_of_the_movements(@ForAll("sequences") @Size(max = 30) List<Step> steps) {
        FamilyId family = new FamilyId(UUID.randomUUID());
        AggregateTestFixture<Wallet> fixture = new AggregateTestFixture<>(Wallet.class);
        List<Object> events = new ArrayList<>();
        List<MovementId> credited = new ArrayList<>();
        for (Step step : steps) {
            Object command = command(family, step, credited);
            if (events.isEmpty()) {
                fixture.givenNoPriorActivity().when(command);
            } else {
                fixture.given(events).when(command);
            }
            events = stored(fixture, family);
        }
        check(events);
    }

    /** The wallet's events so far: none while every command was refused. */
    private static List<Object> stored(AggregateTestFixture<Wallet> fixture, FamilyId family) {
        try {
            return fixture.getEventStore().readEvents(family.toString()).asStream()
                    .map(EventMessage::getPayload).map(Object.class::cast).toList();
        } catch (org.axonframework.modelling.command.AggregateNotFoundException nothingYet) {
            return List.of();
        }
    }

    private static Object command(FamilyId family, Step step, List<MovementId> credited) {
        if (step instanceof Credit c) {
            // sometimes the same movement asked again (a form sent twice, a notification replayed)
            MovementId id = c.repeatOf() >= 0 && c.repeatOf() < credited.size()
                    ? credited.get(c.repeatOf()) : MovementId.random();
            credited.add(id);
            boolean cesu = c.kind() == CreditKind.CESU_CHEQUE;
            return new CreditWallet(family, id, cesu ? Pocket.CESU : Pocket.MAIN, Money.ofCents(c.cents()),
                    c.kind(), cesu || c.kind() == CreditKind.CHEQUE ? "N" + id.value() : null, "Émetteur",
                    c.kind() == CreditKind.TOP_UP ? null : "Motif");
        }
        if (step instanceof Adjust a) {
            return new AdjustWallet(family, MovementId.random(), a.cesu() ? Pocket.CESU : Pocket.MAIN,
                    Money.ofCents(a.cents()), "Correction");
        }
        if (step instanceof Reserve r) {
            return new ReserveCharges(family, "ORDER", distinct(r.charges()));
        }
        if (step instanceof Release r) {
            return new ReleaseCharges(family, "CANCELLED", distinct(r.charges()));
        }
        if (step instanceof Settle s) {
            return new SettleCharges(family, "any", LocalDate.of(2026, 9, 1), distinct(s.charges()));
        }
        return new ChangeLowBalanceThreshold(family, Money.ofCents(((Threshold) step).cents()));
    }

    private static List<ChargeLine> distinct(List<Integer> indexes) {
        return indexes.stream().distinct().map(WalletInvariantsPropertyTest::charge).toList();
    }

    private static void check(List<Object> events) {
        long main = 0;
        long cesu = 0;
        long threshold = WalletRules.DEFAULT_LOW_BALANCE_THRESHOLD.cents();
        Set<String> debited = new HashSet<>();
        Map<String, ChargeLine> upcoming = new HashMap<>();
        Balances last = new Balances(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        long mainBeforeMovement = 0;
        boolean movementJustHappened = false;
        int expectedLowAlerts = 0;
        int expectedOverdrawnAlerts = 0;
        int lowAlerts = 0;
        int overdrawnAlerts = 0;
        for (Object event : events) {
            if (event instanceof WalletCredited c) {
                mainBeforeMovement = main;
                if (c.pocket() == Pocket.MAIN) {
                    main += c.amount().cents();
                } else {
                    cesu += c.amount().cents();
                }
                assertThat(c.kind() == CreditKind.ADJUSTMENT || c.amount().isPositive())
                        .as("only an adjustment takes money out").isTrue();
                last = c.balances();
                expectedLowAlerts += crossing(mainBeforeMovement, main, threshold);
                expectedOverdrawnAlerts += crossing(mainBeforeMovement, main, 0);
            } else if (event instanceof ChargeDebited d) {
                assertThat(debited.add(d.charge().chargeId())).as("charge debited at most once").isTrue();
                assertThat(d.fromCesu().plus(d.fromMain())).isEqualTo(d.charge().amount());
                if (!d.charge().cesuEligible()) {
                    assertThat(d.fromCesu()).as("CESU pays only what it may").isEqualTo(Money.ZERO);
                }
                mainBeforeMovement = main;
                main -= d.fromMain().cents();
                cesu -= d.fromCesu().cents();
                upcoming.remove(d.charge().chargeId());
                last = d.balances();
                expectedLowAlerts += crossing(mainBeforeMovement, main, threshold);
                expectedOverdrawnAlerts += crossing(mainBeforeMovement, main, 0);
            } else if (event instanceof ChargesReserved r) {
                r.charges().forEach(c -> {
                    assertThat(debited).as("a settled charge is never reserved again").doesNotContain(c.chargeId());
                    upcoming.put(c.chargeId(), c);
                });
                last = r.balances();
            } else if (event instanceof ChargesReleased r) {
                r.charges().forEach(c -> upcoming.remove(c.chargeId()));
                last = r.balances();
            } else if (event instanceof LowBalanceThresholdChanged t) {
                threshold = t.threshold().cents();
            } else if (event instanceof LowBalanceCrossed) {
                lowAlerts++;
            } else if (event instanceof WalletOverdrawn) {
                overdrawnAlerts++;
            }
            assertThat(cesu).as("the CESU balance never goes below zero").isGreaterThanOrEqualTo(0);
            assertThat(last.main().cents()).as("main balance = sum of its movements").isEqualTo(main);
            assertThat(last.cesu().cents()).as("CESU balance = sum of its movements").isEqualTo(cesu);
            long upcomingTotal = upcoming.values().stream().mapToLong(c -> c.amount().cents()).sum();
            assertThat(last.upcomingMain().plus(last.upcomingCesu()).cents())
                    .as("à venir = the charges reserved and not yet settled or released").isEqualTo(upcomingTotal);
            assertThat(last.upcomingCesu().cents()).isLessThanOrEqualTo(Math.max(cesu, 0));
        }
        assertThat(lowAlerts).as("one low-balance alert per crossing").isEqualTo(expectedLowAlerts);
        assertThat(overdrawnAlerts).as("one overdrawn alert per crossing").isEqualTo(expectedOverdrawnAlerts);
    }

    private static int crossing(long before, long after, long line) {
        return before >= line && after < line ? 1 : 0;
    }
}
