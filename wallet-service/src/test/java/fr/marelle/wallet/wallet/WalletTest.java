package fr.marelle.wallet.wallet;

import fr.marelle.platform.errors.DomainException;
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
import fr.marelle.wallet.wallet.WalletEvents.ReleasedCharge;
import fr.marelle.wallet.wallet.WalletEvents.WalletCredited;
import fr.marelle.wallet.wallet.WalletEvents.WalletOpened;
import fr.marelle.wallet.wallet.WalletEvents.WalletOverdrawn;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static fr.marelle.wallet.wallet.Money.ofCents;

class WalletTest {

    final FamilyId family = new FamilyId(UUID.randomUUID());
    final Money threshold = WalletRules.DEFAULT_LOW_BALANCE_THRESHOLD;
    final WalletOpened opened = new WalletOpened(family, threshold);
    AggregateTestFixture<Wallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wallet.class);
    }

    static ChargeLine canteen(String id, LocalDate day, long cents) {
        return new ChargeLine(id, "booking-" + id, "child-1", "canteen", day, ofCents(cents), false);
    }

    static ChargeLine daycare(String id, LocalDate day, long cents) {
        return new ChargeLine(id, "booking-" + id, "child-1", "morning-daycare", day, ofCents(cents), true);
    }

    static Balances balances(long main, long cesu, long upcomingMain, long upcomingCesu) {
        return new Balances(ofCents(main), ofCents(cesu), ofCents(upcomingMain), ofCents(upcomingCesu));
    }

    WalletCredited cash(long cents, long mainAfter) {
        return new WalletCredited(family, MovementId.random(), Pocket.MAIN, ofCents(cents), CreditKind.CASH, null,
                null, "Espèces en mairie", balances(mainAfter, 0, 0, 0));
    }

    WalletCredited cesuCheque(String number, long cents, long cesuAfter) {
        return new WalletCredited(family, MovementId.random(), Pocket.CESU, ofCents(cents), CreditKind.CESU_CHEQUE,
                number, "Edenred", "Chèque CESU", balances(0, cesuAfter, 0, 0));
    }

    final LocalDate monday = LocalDate.of(2026, 9, 7);
    final LocalDate tuesday = monday.plusDays(1);

    @Nested
    class Opening {
        @Test
        void a_wallet_opens_with_the_first_fact_about_it_and_the_default_threshold_of_15_euros() {
            ChargeLine lunch = canteen("c1", monday, 190);
            fixture.givenNoPriorActivity()
                    .when(new ReserveCharges(family, "ORDER CMD-1", List.of(lunch)))
                    .expectEvents(new WalletOpened(family, ofCents(1_500)),
                            new ChargesReserved(family, "ORDER CMD-1", List.of(lunch), balances(0, 0, 190, 0)));
        }
    }

    @Nested
    class Reserving {
        @Test
        void cesu_pays_first_for_what_it_may_pay_as_far_as_the_cesu_balance_goes() {
            ChargeLine morning = daycare("d1", monday, 190);
            ChargeLine evening = daycare("d2", tuesday, 250);
            ChargeLine lunch = canteen("c1", monday, 400);
            fixture.given(opened, cesuCheque("111", 300, 300))
                    .when(new ReserveCharges(family, "ORDER", List.of(lunch, evening, morning)))
                    // by day: d1 (190 from CESU), then d2 (110 from CESU, 140 from main); the canteen never by CESU
                    .expectEvents(new ChargesReserved(family, "ORDER", List.of(lunch, evening, morning),
                            balances(0, 300, 540, 300)));
        }

        @Test
        void a_charge_already_reserved_is_not_reserved_twice() {
            ChargeLine lunch = canteen("c1", monday, 190);
            fixture.given(opened, new ChargesReserved(family, "ORDER", List.of(lunch), balances(0, 0, 190, 0)))
                    .when(new ReserveCharges(family, "ORDER", List.of(lunch)))
                    .expectNoEvents();
        }

        @Test
        void a_charge_settled_before_its_reservation_is_never_reserved() {
            ChargeLine lunch = canteen("c1", monday, 190);
            fixture.given(opened, new ChargeDebited(family, MovementId.ofCharge("c1"), lunch, Money.ZERO,
                            ofCents(190), balances(-190, 0, 0, 0)))
                    .when(new ReserveCharges(family, "ORDER", List.of(lunch)))
                    .expectNoEvents();
        }

        @Test
        void a_charge_released_before_its_reservation_is_never_reserved() {
            ChargeLine lunch = canteen("c1", monday, 190);
            fixture.given(opened, new ChargesReleased(family, "CANCELLED",
                            List.of(new ReleasedCharge("c1", ofCents(190), false)), balances(0, 0, 0, 0)))
                    .when(new ReserveCharges(family, "ORDER", List.of(lunch)))
                    .expectNoEvents();
        }

        @Test
        void refuses_a_negative_charge() {
            fixture.given(opened)
                    .when(new ReserveCharges(family, "ORDER", List.of(canteen("c1", monday, -190))))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Le montant d'une prestation ne peut pas être négatif.");
        }
    }

    @Nested
    class Releasing {
        @Test
        void a_cancelled_charge_leaves_what_is_to_come() {
            ChargeLine lunch = canteen("c1", monday, 190);
            ChargeLine other = canteen("c2", tuesday, 190);
            fixture.given(opened, new ChargesReserved(family, "ORDER", List.of(lunch, other), balances(0, 0, 380, 0)))
                    .when(new ReleaseCharges(family, "CANCELLED", List.of(lunch)))
                    .expectEvents(new ChargesReleased(family, "CANCELLED",
                            List.of(new ReleasedCharge("c1", ofCents(190), true)), balances(0, 0, 190, 0)));
        }

        @Test
        void a_settled_charge_stays_debited_when_a_release_comes_after() {
            ChargeLine lunch = canteen("c1", monday, 190);
            fixture.given(opened, new ChargeDebited(family, MovementId.ofCharge("c1"), lunch, Money.ZERO,
                            ofCents(190), balances(-190, 0, 0, 0)))
                    .when(new ReleaseCharges(family, "EXCUSED_ABSENCE", List.of(lunch)))
                    .expectNoEvents();
        }

        @Test
        void a_release_counts_once() {
            ChargeLine lunch = canteen("c1", monday, 190);
            fixture.given(opened, new ChargesReleased(family, "CANCELLED",
                            List.of(new ReleasedCharge("c1", ofCents(190), true)), balances(0, 0, 0, 0)))
                    .when(new ReleaseCharges(family, "CANCELLED", List.of(lunch)))
                    .expectNoEvents();
        }
    }

    @Nested
    class Settling {
        @Test
        void a_settled_charge_is_debited_cesu_first_and_leaves_what_is_to_come() {
            ChargeLine morning = daycare("d1", monday, 250);
            fixture.given(opened, cesuCheque("111", 100, 100), new ChargesReserved(family, "ORDER",
                            List.of(morning), balances(0, 100, 150, 100)))
                    .when(new SettleCharges(family, "morning-daycare", monday, List.of(morning)))
                    .expectEvents(new ChargeDebited(family, MovementId.ofCharge("d1"), morning, ofCents(100),
                                    ofCents(150), balances(-150, 0, 0, 0)),
                            new WalletOverdrawn(family, ofCents(-150)));
        }

        @Test
        void the_canteen_is_never_paid_by_cesu() {
            ChargeLine lunch = canteen("c1", monday, 400);
            fixture.given(opened, cesuCheque("111", 1_000, 1_000), new WalletCredited(family, MovementId.random(),
                            Pocket.MAIN, ofCents(5_000), CreditKind.CASH, null, null, "Espèces",
                            balances(5_000, 1_000, 0, 0)))
                    .when(new SettleCharges(family, "canteen", monday, List.of(lunch)))
                    .expectEvents(new ChargeDebited(family, MovementId.ofCharge("c1"), lunch, Money.ZERO,
                            ofCents(400), balances(4_600, 1_000, 0, 0)));
        }

        @Test
        void a_charge_is_debited_at_most_once_even_when_its_settlement_comes_twice() {
            ChargeLine lunch = canteen("c1", monday, 190);
            fixture.given(opened, cash(5_000, 5_000), new ChargeDebited(family, MovementId.ofCharge("c1"), lunch,
                            Money.ZERO, ofCents(190), balances(4_810, 0, 0, 0)))
                    .when(new SettleCharges(family, "canteen", monday, List.of(lunch)))
                    .expectNoEvents();
        }

        @Test
        void a_settlement_before_its_reservation_debits_and_the_reservation_is_then_ignored() {
            ChargeLine lunch = canteen("c1", monday, 190);
            fixture.given(opened, cash(5_000, 5_000))
                    .when(new SettleCharges(family, "canteen", monday, List.of(lunch)))
                    .expectEvents(new ChargeDebited(family, MovementId.ofCharge("c1"), lunch, Money.ZERO,
                            ofCents(190), balances(4_810, 0, 0, 0)));
        }

        @Test
        void the_balance_may_go_negative_and_each_crossing_is_announced_once() {
            ChargeLine first = canteen("c1", monday, 1_000);
            ChargeLine second = canteen("c2", monday, 1_000);
            ChargeLine third = canteen("c3", monday, 1_000);
            fixture.given(opened, cash(2_000, 2_000))
                    .when(new SettleCharges(family, "canteen", monday, List.of(first, second, third)))
                    .expectEvents(
                            new ChargeDebited(family, MovementId.ofCharge("c1"), first, Money.ZERO, ofCents(1_000),
                                    balances(1_000, 0, 0, 0)),
                            new LowBalanceCrossed(family, ofCents(1_000), threshold),
                            new ChargeDebited(family, MovementId.ofCharge("c2"), second, Money.ZERO, ofCents(1_000),
                                    balances(0, 0, 0, 0)),
                            new ChargeDebited(family, MovementId.ofCharge("c3"), third, Money.ZERO, ofCents(1_000),
                                    balances(-1_000, 0, 0, 0)),
                            new WalletOverdrawn(family, ofCents(-1_000)));
        }

        @Test
        void no_new_alert_while_the_balance_stays_below_the_threshold() {
            ChargeLine lunch = canteen("c9", monday, 100);
            fixture.given(opened, cash(1_000, 1_000))
                    .when(new SettleCharges(family, "canteen", monday, List.of(lunch)))
                    .expectEvents(new ChargeDebited(family, MovementId.ofCharge("c9"), lunch, Money.ZERO,
                            ofCents(100), balances(900, 0, 0, 0)));
        }

        @Test
        void a_charge_released_then_settled_is_debited_billing_decides_what_is_due() {
            ChargeLine lunch = canteen("c1", monday, 190);
            fixture.given(opened, cash(5_000, 5_000), new ChargesReleased(family, "EXCUSED_ABSENCE",
                            List.of(new ReleasedCharge("c1", ofCents(190), true)), balances(5_000, 0, 0, 0)))
                    .when(new SettleCharges(family, "canteen", monday, List.of(lunch)))
                    .expectEvents(new ChargeDebited(family, MovementId.ofCharge("c1"), lunch, Money.ZERO,
                            ofCents(190), balances(4_810, 0, 0, 0)));
        }
    }

    @Nested
    class Crediting {
        @Test
        void a_credit_back_above_the_threshold_rearms_the_alert() {
            ChargeLine lunch = canteen("c1", monday, 1_000);
            MovementId payment = MovementId.random();
            fixture.given(opened, cash(2_000, 2_000),
                            new ChargeDebited(family, MovementId.ofCharge("c0"), canteen("c0", monday, 1_000),
                                    Money.ZERO, ofCents(1_000), balances(1_000, 0, 0, 0)),
                            new LowBalanceCrossed(family, ofCents(1_000), threshold),
                            new WalletCredited(family, payment, Pocket.MAIN, ofCents(2_000), CreditKind.TOP_UP,
                                    "sbx_1", null, null, balances(3_000, 0, 0, 0)))
                    .when(new SettleCharges(family, "canteen", monday, List.of(lunch)))
                    .expectEvents(new ChargeDebited(family, MovementId.ofCharge("c1"), lunch, Money.ZERO,
                                    ofCents(1_000), balances(2_000, 0, 0, 0)));
        }

        @Test
        void a_cesu_cheque_goes_to_the_cesu_balance_and_pays_what_is_to_come_first() {
            MovementId id = MovementId.random();
            ChargeLine morning = daycare("d1", monday, 190);
            fixture.given(opened, new ChargesReserved(family, "ORDER", List.of(morning), balances(0, 0, 190, 0)))
                    .when(new CreditWallet(family, id, Pocket.CESU, ofCents(500), CreditKind.CESU_CHEQUE,
                            " 0123 4567 ", "Edenred", "Chèques remis en mairie"))
                    .expectEvents(new WalletCredited(family, id, Pocket.CESU, ofCents(500), CreditKind.CESU_CHEQUE,
                            "0123 4567", "Edenred", "Chèques remis en mairie", balances(0, 500, 0, 190)));
        }

        @Test
        void the_same_movement_asked_twice_is_recorded_once() {
            MovementId id = MovementId.random();
            fixture.given(opened, new WalletCredited(family, id, Pocket.MAIN, ofCents(2_000), CreditKind.CASH, null,
                            null, "Espèces", balances(2_000, 0, 0, 0)))
                    .when(new CreditWallet(family, id, Pocket.MAIN, ofCents(2_000), CreditKind.CASH, null, null,
                            "Espèces"))
                    .expectNoEvents();
        }

        @Test
        void a_cesu_cheque_number_is_recorded_once() {
            fixture.given(opened, cesuCheque("0123 4567", 500, 500))
                    .when(new CreditWallet(family, MovementId.random(), Pocket.CESU, ofCents(500),
                            CreditKind.CESU_CHEQUE, "01234567", "Edenred", "Encore"))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Le chèque CESU n° 01234567 est déjà enregistré pour cette famille.");
        }

        @Test
        void every_staff_operation_says_why() {
            fixture.given(opened)
                    .when(new CreditWallet(family, MovementId.random(), Pocket.MAIN, ofCents(500), CreditKind.CASH,
                            null, null, "  "))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Le motif est obligatoire.");
        }

        @Test
        void a_cheque_has_its_number() {
            fixture.given(opened)
                    .when(new CreditWallet(family, MovementId.random(), Pocket.MAIN, ofCents(500), CreditKind.CHEQUE,
                            null, "Banque", "Chèque"))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Le numéro du chèque est obligatoire.");
        }

        @Test
        void only_cesu_cheques_credit_the_cesu_balance() {
            fixture.given(opened)
                    .when(new CreditWallet(family, MovementId.random(), Pocket.CESU, ofCents(500), CreditKind.CASH,
                            null, null, "Espèces"))
                    .expectException(DomainException.class);
        }

        @Test
        void money_in_is_more_than_zero() {
            fixture.given(opened)
                    .when(new CreditWallet(family, MovementId.random(), Pocket.MAIN, Money.ZERO, CreditKind.REFUND,
                            null, null, "Remboursement"))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Le montant doit être supérieur à zéro.");
        }
    }

    @Nested
    class Adjusting {
        @Test
        void an_adjustment_may_take_money_out_and_cross_the_thresholds() {
            MovementId id = MovementId.random();
            fixture.given(opened, cash(2_000, 2_000))
                    .when(new AdjustWallet(family, id, Pocket.MAIN, ofCents(-2_500), "Espèces saisies deux fois"))
                    .expectEvents(new WalletCredited(family, id, Pocket.MAIN, ofCents(-2_500), CreditKind.ADJUSTMENT,
                                    null, null, "Espèces saisies deux fois", balances(-500, 0, 0, 0)),
                            new LowBalanceCrossed(family, ofCents(-500), threshold),
                            new WalletOverdrawn(family, ofCents(-500)));
        }

        @Test
        void the_cesu_balance_never_goes_below_zero() {
            fixture.given(opened, cesuCheque("1", 500, 500))
                    .when(new AdjustWallet(family, MovementId.random(), Pocket.CESU, ofCents(-600), "Erreur"))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Le solde mercredi récréatif ne peut pas devenir négatif.");
        }

        @Test
        void an_adjustment_of_nothing_is_refused() {
            fixture.given(opened)
                    .when(new AdjustWallet(family, MovementId.random(), Pocket.MAIN, Money.ZERO, "Rien"))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class Threshold {
        @Test
        void the_family_chooses_its_threshold_which_alerts_nobody_by_itself() {
            fixture.given(opened, cash(2_000, 2_000))
                    .when(new ChangeLowBalanceThreshold(family, ofCents(3_000)))
                    .expectEvents(new LowBalanceThresholdChanged(family, ofCents(3_000)));
        }

        @Test
        void a_movement_crossing_the_new_threshold_alerts() {
            ChargeLine lunch = canteen("c1", monday, 500);
            fixture.given(opened, cash(3_200, 3_200), new LowBalanceThresholdChanged(family, ofCents(3_000)))
                    .when(new SettleCharges(family, "canteen", monday, List.of(lunch)))
                    .expectEvents(new ChargeDebited(family, MovementId.ofCharge("c1"), lunch, Money.ZERO,
                                    ofCents(500), balances(2_700, 0, 0, 0)),
                            new LowBalanceCrossed(family, ofCents(2_700), ofCents(3_000)));
        }

        @Test
        void refuses_a_threshold_above_1000_euros() {
            fixture.given(opened)
                    .when(new ChangeLowBalanceThreshold(family, ofCents(100_001)))
                    .expectException(DomainException.class);
        }
    }
}
