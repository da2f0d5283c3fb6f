package fr.marelle.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.contracts.billing.ChargesReleased;
import fr.marelle.contracts.billing.ChargesSettled;
import fr.marelle.contracts.billing.ChargesWaived;
import fr.marelle.contracts.billing.OrderPlaced;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.planning.ServiceChanged;
import fr.marelle.contracts.wallet.WalletBalanceLow;
import fr.marelle.contracts.wallet.WalletCredited;
import fr.marelle.contracts.wallet.WalletDebited;
import fr.marelle.contracts.wallet.WalletOverdrawn;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.ReadModelChecks;
import fr.marelle.platform.test.RoleMatrix;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import fr.marelle.wallet.support.Published;
import fr.marelle.wallet.support.WalletServiceTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The wallet through the API the gateway uses and the billing events it consumes, on the real database and broker:
 * figures, history, staff operations, the spine from a scheduled charge to its debit and the alerts, and the
 * invariants under duplicates, disorder and concurrency.
 */
@WalletServiceTest
class WalletApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    final LocalDate monday = LocalDate.of(2026, 9, 7);

    ServiceApi api() {
        return new ServiceApi(port);
    }

    ServiceApi.Caller parent(String family) {
        return api().as(TestServiceTokens.parentOf(family));
    }

    ServiceApi.Caller staff(Role role) {
        return api().as(TestServiceTokens.staff(role));
    }

    static String newFamily() {
        return UUID.randomUUID().toString();
    }

    JsonNode wallet(String family) {
        ServiceApi.Response response = staff(Role.FINANCE).get("/api/families/" + family + "/wallet");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    List<JsonNode> movements(String family) {
        List<JsonNode> list = new ArrayList<>();
        staff(Role.FINANCE).get("/api/families/" + family + "/wallet/movements").body().forEach(list::add);
        return list;
    }

    void awaitWallet(String family, long main, long cesu, long upcomingMain, long upcomingCesu) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode w = wallet(family);
            assertThat(List.of(w.path("mainBalanceCents").asLong(), w.path("cesuBalanceCents").asLong(),
                    w.path("upcomingMainCents").asLong(), w.path("upcomingCesuCents").asLong()))
                    .as("main, CESU, à venir, à venir CESU").containsExactly(main, cesu, upcomingMain, upcomingCesu);
        });
    }

    ServiceApi.Response cash(String family, long cents, UUID operation) {
        return staff(Role.FINANCE).post("/api/families/" + family + "/wallet/payments", Map.of(
                "operationId", operation.toString(), "method", "CASH", "amountCents", cents,
                "reason", "Espèces remises à l'accueil"));
    }

    static OrderPlaced.Charge charge(String id, String service, LocalDate day, long cents, boolean cesu) {
        return new OrderPlaced.Charge(id, "booking-" + id, "child-" + id, service, day, cents, 1, cents, cesu);
    }

    static String chargeId() {
        return UUID.randomUUID().toString();
    }

    void order(String family, OrderPlaced.Charge... charges) {
        long total = 0;
        for (OrderPlaced.Charge c : charges) {
            total += c.amountCents();
        }
        Published.publish(OrderPlaced.TYPE, family, new OrderPlaced(UUID.randomUUID().toString(), "CMD-2026-000001",
                family, UUID.randomUUID().toString(), Instant.now(), List.of(charges), total));
    }

    void settle(String family, OrderPlaced.Charge... charges) {
        Published.publish(ChargesSettled.TYPE, family, new ChargesSettled(family, charges[0].serviceId(),
                charges[0].date(), List.of(charges)));
    }

    @Nested
    class Reading {
        @Test
        void a_wallet_nothing_happened_to_is_empty_with_the_default_threshold_of_15_euros() {
            JsonNode wallet = wallet(newFamily());
            assertThat(wallet.path("mainBalanceCents").asLong()).isZero();
            assertThat(wallet.path("lowBalanceThresholdCents").asLong()).isEqualTo(1_500);
        }

        @Test
        void a_parent_sees_their_own_wallet_and_another_family_s_answers_404() {
            String mine = newFamily();
            assertThat(parent(mine).get("/api/families/" + mine + "/wallet").status()).isEqualTo(200);
            ServiceApi.Response other = parent(mine).get("/api/families/" + newFamily() + "/wallet");
            assertThat(other.status()).isEqualTo(404);
            assertThat(other.code()).isEqualTo("FAMILY_NOT_FOUND");
            assertThat(parent(mine).get("/api/families/" + newFamily() + "/wallet/movements").status())
                    .isEqualTo(404);
        }

        @Test
        void without_a_token_nothing_is_answered() {
            assertThat(api().anonymous().get("/api/families/" + newFamily() + "/wallet").status()).isEqualTo(401);
        }
    }

    @Nested
    class StaffOperations {
        @Test
        void finance_records_a_cash_payment_with_its_reason_and_sees_it_in_the_history() {
            String family = newFamily();
            ServiceApi.Response recorded = cash(family, 2_000, UUID.randomUUID());
            assertThat(recorded.status()).isEqualTo(201);
            assertThat(recorded.body().path("mainBalanceCents").asLong()).isEqualTo(2_000);
            awaitWallet(family, 2_000, 0, 0, 0);
            JsonNode movement = movements(family).get(0);
            assertThat(movement.path("kind").asText()).isEqualTo("CASH");
            assertThat(movement.path("reason").asText()).isEqualTo("Espèces remises à l'accueil");
            assertThat(movement.path("actorRole").asText()).isEqualTo("FINANCE");
        }

        @Test
        void a_form_sent_twice_records_one_movement() {
            String family = newFamily();
            UUID operation = UUID.randomUUID();
            assertThat(cash(family, 2_000, operation).body().path("recordedNow").asBoolean()).isTrue();
            assertThat(cash(family, 2_000, operation).body().path("recordedNow").asBoolean()).isFalse();
            awaitWallet(family, 2_000, 0, 0, 0);
            assertThat(movements(family)).hasSize(1);
        }

        @Test
        void a_cesu_cheque_goes_to_the_cesu_balance_once() {
            String family = newFamily();
            Map<String, Object> cheque = new HashMap<>(Map.of("operationId", UUID.randomUUID().toString(),
                    "number", "1234 5678 9", "issuer", "Edenred", "amountCents", 4_500,
                    "reason", "CESU de septembre"));
            assertThat(staff(Role.FINANCE).post("/api/families/" + family + "/wallet/cesu-cheques", cheque)
                    .status()).isEqualTo(201);
            cheque.put("operationId", UUID.randomUUID().toString());
            cheque.put("number", "123456789");
            ServiceApi.Response again = staff(Role.ADMIN).post("/api/families/" + family + "/wallet/cesu-cheques",
                    cheque);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("CESU_CHEQUE_ALREADY_RECORDED");
            awaitWallet(family, 0, 4_500, 0, 0);
            JsonNode movement = movements(family).get(0);
            assertThat(movement.path("issuer").asText()).isEqualTo("Edenred");
            assertThat(movement.path("reference").asText()).isEqualTo("1234 5678 9");
        }

        @Test
        void every_operation_needs_its_reason_and_a_cheque_its_number_said_next_to_the_field() {
            String family = newFamily();
            ServiceApi.Response refused = staff(Role.FINANCE).post("/api/families/" + family + "/wallet/payments",
                    Map.of("operationId", UUID.randomUUID().toString(), "method", "CHEQUE", "amountCents", 3_000,
                            "reason", ""));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            Map<String, String> errors = new HashMap<>();
            refused.body().path("errors").forEach(e -> errors.put(e.path("field").asText(),
                    e.path("message").asText()));
            assertThat(errors).containsEntry("reason", "Le motif est obligatoire.")
                    .containsEntry("chequeNumber", "Le numéro du chèque est obligatoire.");
        }

        @Test
        void refunds_and_adjustments_either_way_with_the_cesu_balance_never_below_zero() {
            String family = newFamily();
            assertThat(staff(Role.FINANCE).post("/api/families/" + family + "/wallet/refunds", Map.of(
                    "operationId", UUID.randomUUID().toString(), "amountCents", 380,
                    "reference", "FAC-2026-000042", "reason", "Repas compté deux fois")).status()).isEqualTo(201);
            assertThat(staff(Role.FINANCE).post("/api/families/" + family + "/wallet/adjustments", Map.of(
                    "operationId", UUID.randomUUID().toString(), "pocket", "MAIN", "amountCents", -1_000,
                    "reason", "Chèque rejeté par la banque")).status()).isEqualTo(201);
            ServiceApi.Response cesu = staff(Role.FINANCE).post("/api/families/" + family + "/wallet/adjustments",
                    Map.of("operationId", UUID.randomUUID().toString(), "pocket", "CESU", "amountCents", -1,
                            "reason", "Erreur"));
            assertThat(cesu.status()).isEqualTo(422);
            assertThat(cesu.code()).isEqualTo("CESU_BALANCE_NEGATIVE");
            awaitWallet(family, -620, 0, 0, 0);
        }

        @Test
        void parents_agents_and_auditors_may_not_record_money() {
            String family = newFamily();
            assertThat(parent(family).post("/api/families/" + family + "/wallet/payments", Map.of(
                    "operationId", UUID.randomUUID().toString(), "method", "CASH", "amountCents", 100,
                    "reason", "x")).status()).isEqualTo(403);
            for (Role role : List.of(Role.AGENT, Role.AUDITOR)) {
                ServiceApi.Response refused = staff(role).post("/api/families/" + family + "/wallet/refunds",
                        Map.of("operationId", UUID.randomUUID().toString(), "amountCents", 100, "reason", "x"));
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.code()).isEqualTo("FORBIDDEN_ROLE");
            }
            assertThat(staff(Role.AUDITOR).get("/api/families/" + family + "/wallet").status()).isEqualTo(200);
        }

        @Test
        void the_family_chooses_its_alert_threshold() {
            String family = newFamily();
            ServiceApi.Response changed = parent(family).put("/api/families/" + family
                    + "/wallet/low-balance-threshold", Map.of("thresholdCents", 2_500));
            assertThat(changed.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> parent(family).get("/api/families/" + family
                    + "/wallet/low-balance-threshold").body().path("thresholdCents").asLong() == 2_500);
            ServiceApi.Response invalid = parent(family).put("/api/families/" + family
                    + "/wallet/low-balance-threshold", Map.of("thresholdCents", -5));
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body().path("errors").get(0).path("message").asText())
                    .isEqualTo("Le seuil ne peut pas être négatif.");
            assertThat(parent(family).put("/api/families/" + newFamily() + "/wallet/low-balance-threshold",
                    Map.of("thresholdCents", 100)).status()).isEqualTo(404);
        }
    }

    @Nested
    class FromBillingToAlerts {
        @Test
        void the_example_order_of_the_contract_is_shown_as_what_is_to_come() {
            String family = newFamily();
            String charge = chargeId();
            Map<String, Object> line = new HashMap<>(Map.of("chargeId", charge, "bookingId", "b", "childId", "c",
                    "serviceId", "canteen", "date", "2026-09-01", "unitPriceCents", 190, "quantity", 1,
                    "amountCents", 190, "cesuEligible", false));
            Published.publish(OrderPlaced.TYPE, family, Published.example(OrderPlaced.TYPE,
                    Map.of("familyId", family, "charges", List.of(line))));
            awaitWallet(family, 0, 0, 190, 0);
        }

        @Test
        void scheduled_charges_are_to_come_cesu_first_then_settled_released_or_waived() {
            String family = newFamily();
            String child = UUID.randomUUID().toString();
            Published.publish(ChildRegistered.TYPE, family, new ChildRegistered(child, family, "Léa", "Martin",
                    LocalDate.of(2021, 3, 14), "school", null));
            Published.publish(ServiceChanged.TYPE, "evening-daycare", new ServiceChanged("evening-daycare",
                    "EVENING_DAYCARE", "Garderie soir", "DAYCARE", "SESSION", BigDecimal.ONE, true));
            staff(Role.FINANCE).post("/api/families/" + family + "/wallet/cesu-cheques", Map.of(
                    "operationId", UUID.randomUUID().toString(), "number", "C-" + family, "issuer", "Edenred",
                    "amountCents", 200, "reason", "CESU"));
            cash(family, 5_000, UUID.randomUUID());
            OrderPlaced.Charge lunch = charge(chargeId(), "canteen", monday, 380, false);
            OrderPlaced.Charge evening = new OrderPlaced.Charge(chargeId(), "b", child, "evening-daycare", monday,
                    250, 1, 250, true);
            OrderPlaced.Charge cancelled = charge(chargeId(), "canteen", monday.plusDays(1), 380, false);
            OrderPlaced.Charge excused = charge(chargeId(), "canteen", monday.plusDays(2), 380, false);
            order(family, lunch, evening, cancelled, excused);
            // à venir: the CESU balance (2,00 €) pays the daycare first, the rest is from the main balance
            awaitWallet(family, 5_000, 200, 380 + 50 + 380 + 380, 200);

            settle(family, evening);
            Published.publish(ChargesReleased.TYPE, family, new ChargesReleased(family, "CANCELLED",
                    List.of(cancelled)));
            Published.publish(ChargesWaived.TYPE, family, new ChargesWaived(family, "EXCUSED_ABSENCE",
                    List.of(excused)));
            awaitWallet(family, 4_950, 0, 380, 0);

            JsonNode debit = movements(family).get(0);
            assertThat(debit.path("kind").asText()).isEqualTo("CHARGE");
            assertThat(debit.path("serviceName").asText()).isEqualTo("Garderie soir");
            assertThat(debit.path("childFirstName").asText()).isEqualTo("Léa");
            assertThat(debit.path("serviceDate").asText()).isEqualTo("2026-09-07");
            assertThat(debit.path("cesuCents").asLong()).isEqualTo(-200);
            assertThat(debit.path("mainCents").asLong()).isEqualTo(-50);
            assertThat(staff(Role.FINANCE).get("/api/families/" + family + "/wallet/upcoming").body().size())
                    .isEqualTo(1);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<Published.Out> debits = Published.walletEventsOf(family, WalletDebited.TYPE);
                assertThat(debits).hasSize(1);
                JsonNode published = debits.get(0).payload();
                assertThat(published.path("chargeId").asText()).isEqualTo(evening.chargeId());
                assertThat(published.path("fromCesuCents").asLong()).isEqualTo(200);
                assertThat(published.path("fromMainCents").asLong()).isEqualTo(50);
                assertThat(published.path("mainBalanceCents").asLong()).isEqualTo(4_950);
                List<String> fields = new ArrayList<>();
                published.fieldNames().forEachRemaining(fields::add);
                assertThat(fields).containsExactlyInAnyOrderElementsOf(Published.exampleFields(WalletDebited.TYPE));
                assertThat(Published.walletEventsOf(family, WalletCredited.TYPE)).hasSize(2);
            });
        }

        @Test
        void a_charge_is_debited_once_whether_its_settlement_comes_twice_or_before_its_order() {
            String family = newFamily();
            cash(family, 3_000, UUID.randomUUID());
            OrderPlaced.Charge lunch = charge(chargeId(), "canteen", monday, 380, false);
            settle(family, lunch);                                   // before the order
            settle(family, lunch);                                   // a second settlement message
            String eventId = UUID.randomUUID().toString();
            Published.publish(ChargesSettled.TYPE, family, eventId, new ChargesSettled(family, "canteen", monday,
                    List.of(lunch)), 3);                             // the same record delivered three times
            order(family, lunch);                                    // the order, last
            OrderPlaced.Charge marker = charge(chargeId(), "canteen", monday.plusDays(1), 100, false);
            order(family, marker);                                   // everything before it has been applied
            awaitWallet(family, 2_620, 0, 100, 0);
            assertThat(movements(family).stream().filter(m -> m.path("kind").asText().equals("CHARGE"))).hasSize(1);
            assertThat(jdbc.sql("SELECT count(*) FROM processed_message WHERE event_id = ?").param(eventId)
                    .query(Long.class).single()).isEqualTo(1);
        }

        @Test
        void alerts_are_published_once_per_crossing_and_re_armed_above_the_threshold() {
            String family = newFamily();
            cash(family, 2_000, UUID.randomUUID());
            settle(family, charge(chargeId(), "canteen", monday, 1_000, false));          // 20 → 10: low
            settle(family, charge(chargeId(), "canteen", monday.plusDays(1), 500, false)); // 10 → 5: still low
            settle(family, charge(chargeId(), "canteen", monday.plusDays(2), 800, false)); // 5 → -3: overdrawn
            awaitWallet(family, -300, 0, 0, 0);
            cash(family, 2_000, UUID.randomUUID());                                       // -3 → 17: re-armed
            settle(family, charge(chargeId(), "canteen", monday.plusDays(3), 400, false)); // 17 → 13: low again
            awaitWallet(family, 1_300, 0, 0, 0);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<Published.Out> low = Published.walletEventsOf(family, WalletBalanceLow.TYPE);
                assertThat(low).extracting(o -> o.payload().path("balanceCents").asLong())
                        .containsExactly(1_000L, 1_300L);
                assertThat(low.get(0).payload().path("thresholdCents").asLong()).isEqualTo(1_500);
                assertThat(Published.walletEventsOf(family, WalletOverdrawn.TYPE))
                        .extracting(o -> o.payload().path("balanceCents").asLong()).containsExactly(-300L);
            });
        }
    }

    @Nested
    class RolesAndReadModels {
        @Autowired
        org.springframework.context.ApplicationContext context;

        @Test
        void each_role_reaches_exactly_the_endpoints_it_is_allowed() {
            Role[] everyone = {Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR};
            RoleMatrix.of(context, port)
                    .allow("GET /api/families/{familyId}/wallet", everyone)
                    .allow("GET /api/families/{familyId}/wallet/movements", everyone)
                    .allow("GET /api/families/{familyId}/wallet/upcoming", everyone)
                    .allow("GET /api/families/{familyId}/wallet/low-balance-threshold", everyone)
                    .allow("PUT /api/families/{familyId}/wallet/low-balance-threshold", Role.PARENT, Role.ADMIN,
                            Role.AGENT, Role.FINANCE)
                    .allow("POST /api/families/{familyId}/wallet/cesu-cheques", Role.ADMIN, Role.FINANCE)
                    .allow("POST /api/families/{familyId}/wallet/payments", Role.ADMIN, Role.FINANCE)
                    .allow("POST /api/families/{familyId}/wallet/refunds", Role.ADMIN, Role.FINANCE)
                    .allow("POST /api/families/{familyId}/wallet/adjustments", Role.ADMIN, Role.FINANCE)
                    .allow("GET /api/top-ups/limits", everyone)
                    .allow("POST /api/families/{familyId}/top-ups", Role.PARENT)
                    .allow("GET /api/families/{familyId}/top-ups", everyone)
                    .allow("GET /api/families/{familyId}/top-ups/{paymentId}", everyone)
                    .allow("GET /api/wallets/overdrawn", Role.ADMIN, Role.FINANCE)
                    .allow("GET /api/wallets/flows", Role.ADMIN, Role.FINANCE)
                    .verify();
        }

        @Test
        void every_read_model_declares_its_tables_and_rebuilds_identically() {
            String family = newFamily();
            cash(family, 1_500, UUID.randomUUID());
            settle(family, charge(chargeId(), "canteen", monday, 190, false));
            awaitWallet(family, 1_310, 0, 0, 0);
            ReadModelChecks.assertEveryProjectionDeclaresItsTables(context);
            ReadModelChecks.assertEveryReadModelRebuildsIdentically(port);
        }
    }

    @Nested
    class FinanceDesk {
        @Test
        void the_wallets_below_zero_are_counted_and_listed_the_most_negative_first() {
            String deep = newFamily();
            String shallow = newFamily();
            settle(deep, charge(chargeId(), "canteen", monday, 4_250, false));
            settle(shallow, charge(chargeId(), "canteen", monday, 190, false));
            awaitWallet(deep, -4_250, 0, 0, 0);
            awaitWallet(shallow, -190, 0, 0, 0);

            JsonNode overdrawn = staff(Role.FINANCE).get("/api/wallets/overdrawn?limit=500").body();
            List<String> listed = overdrawn.path("wallets").findValuesAsText("familyId");
            assertThat(listed).contains(deep, shallow);
            assertThat(listed.indexOf(deep)).isLessThan(listed.indexOf(shallow));
            assertThat(overdrawn.path("wallets").findValuesAsText("mainBalanceCents").stream().map(Long::parseLong))
                    .allMatch(cents -> cents < 0).isSortedAccordingTo(Long::compare);
            assertThat(overdrawn.path("count").asLong()).isEqualTo(jdbc.sql("SELECT count(*) FROM rm_wallet "
                    + "WHERE main_balance_cents < 0").query(Long.class).single()).isGreaterThanOrEqualTo(2);

            // back above zero: no longer listed
            cash(shallow, 1_000, UUID.randomUUID());
            awaitWallet(shallow, 810, 0, 0, 0);
            assertThat(staff(Role.ADMIN).get("/api/wallets/overdrawn?limit=500").body().path("wallets")
                    .findValuesAsText("familyId")).contains(deep).doesNotContain(shallow);
            ServiceApi.Response badLimit = staff(Role.FINANCE).get("/api/wallets/overdrawn?limit=many");
            assertThat(badLimit.status()).isEqualTo(400);
            assertThat(badLimit.body().path("errors").get(0).path("field").asText()).isEqualTo("limit");
        }

        @Test
        void money_in_and_out_per_month_counts_each_kind_where_it_belongs() {
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
            String thisMonth = today.toString().substring(0, 7);
            String period = "/api/wallets/flows?from=" + today.withDayOfMonth(1).minusMonths(2) + "&to=" + today;
            JsonNode before = month(staff(Role.FINANCE).get(period).body(), thisMonth);

            String family = newFamily();
            cash(family, 2_000, UUID.randomUUID());
            assertThat(staff(Role.FINANCE).post("/api/families/" + family + "/wallet/payments", Map.of(
                    "operationId", UUID.randomUUID().toString(), "method", "CHEQUE", "amountCents", 3_000,
                    "chequeNumber", "0001234", "bank", "Banque Postale", "reason", "Chèque remis à l'accueil"))
                    .status()).isEqualTo(201);
            assertThat(staff(Role.FINANCE).post("/api/families/" + family + "/wallet/cesu-cheques", Map.of(
                    "operationId", UUID.randomUUID().toString(), "number", "CESU-" + UUID.randomUUID(),
                    "issuer", "Edenred", "amountCents", 1_500, "reason", "Chèques CESU")).status()).isEqualTo(201);
            assertThat(staff(Role.FINANCE).post("/api/families/" + family + "/wallet/refunds", Map.of(
                    "operationId", UUID.randomUUID().toString(), "amountCents", 400, "reference", "AV-2026-000001",
                    "reason", "Journée comptée deux fois")).status()).isEqualTo(201);
            settle(family, charge(chargeId(), "canteen", monday, 190, false));
            awaitWallet(family, 2_000 + 3_000 + 400 - 190, 1_500, 0, 0);

            JsonNode flows = staff(Role.ADMIN).get(period).body();
            assertThat(flows.findValuesAsText("month")).hasSize(3).last().isEqualTo(thisMonth);
            JsonNode after = month(flows, thisMonth);
            assertThat(delta(before, after, "cashCents")).isEqualTo(2_000);
            assertThat(delta(before, after, "chequeCents")).isEqualTo(3_000);
            assertThat(delta(before, after, "cesuChequeCents")).isEqualTo(1_500);
            assertThat(delta(before, after, "inCents")).isEqualTo(6_500);
            assertThat(delta(before, after, "debitedCents")).isEqualTo(190);
            assertThat(delta(before, after, "refundCents")).isEqualTo(400);

            ServiceApi.Response reversed = staff(Role.FINANCE).get("/api/wallets/flows?from=" + today + "&to="
                    + today.minusDays(1));
            assertThat(reversed.status()).isEqualTo(400);
            assertThat(reversed.body().path("errors").get(0).path("field").asText()).isEqualTo("to");
            assertThat(staff(Role.AGENT).get(period).code()).isEqualTo("FORBIDDEN_ROLE");
        }

        private static JsonNode month(JsonNode flows, String month) {
            for (JsonNode m : flows) {
                if (m.path("month").asText().equals(month)) {
                    return m;
                }
            }
            throw new AssertionError(month + " not in " + flows);
        }

        private static long delta(JsonNode before, JsonNode after, String field) {
            return after.path(field).asLong() - before.path(field).asLong();
        }
    }

    @Nested
    class TimeTravel {
        /** Top-up, debit, top-up: between each, the audit console shows the wallet as it then was. */
        @Test
        void the_wallet_as_of_any_instant_has_the_figures_and_movements_it_had_then() throws Exception {
            String family = newFamily();
            OrderPlaced.Charge lunch = charge(chargeId(), "canteen", monday, 190, false);
            OrderPlaced.Charge later = charge(chargeId(), "canteen", monday.plusDays(1), 190, false);
            Instant beforeAnything = instantBetweenEvents();
            cash(family, 2_000, UUID.randomUUID());
            order(family, lunch, later);
            awaitWallet(family, 2_000, 0, 380, 0);
            Instant afterFirstTopUp = instantBetweenEvents();
            settle(family, lunch);
            awaitWallet(family, 1_810, 0, 190, 0);
            Instant afterDebit = instantBetweenEvents();
            cash(family, 500, UUID.randomUUID());
            awaitWallet(family, 2_310, 0, 190, 0);
            Instant afterSecondTopUp = instantBetweenEvents();

            ServiceApi.Caller auditor = staff(Role.AUDITOR);
            assertThat(auditor.get("/internal/audit/as-of").body().toString()).contains("wallet");
            assertAsOf(asOf(auditor, family, beforeAnything), 0, 0, 0);
            assertAsOf(asOf(auditor, family, afterFirstTopUp), 2_000, 380, 1);
            JsonNode debited = asOf(auditor, family, afterDebit);
            assertAsOf(debited, 1_810, 190, 2);
            assertThat(debited.path("movements").get(0).path("kind").asText()).isEqualTo("CHARGE");
            assertThat(debited.path("movements").get(0).path("mainCents").asLong()).isEqualTo(-190);
            JsonNode now = asOf(auditor, family, afterSecondTopUp);
            assertAsOf(now, 2_310, 190, 3);
            // the same figures as the live page
            JsonNode live = wallet(family);
            for (String figure : List.of("mainBalanceCents", "cesuBalanceCents", "upcomingMainCents",
                    "upcomingCesuCents")) {
                assertThat(now.path("wallet").path(figure)).as(figure).isEqualTo(live.path(figure));
            }
            assertThat(staff(Role.FINANCE).get("/internal/audit/as-of/wallet?familyId=" + family + "&at="
                    + afterDebit).status()).as("the audit console is for auditors and administrators")
                    .isEqualTo(403);
        }

        /** An instant strictly between the events stored before and after it (timestamps are in milliseconds). */
        private Instant instantBetweenEvents() throws InterruptedException {
            Thread.sleep(5);
            Instant at = Instant.now();
            Thread.sleep(5);
            return at;
        }

        private JsonNode asOf(ServiceApi.Caller auditor, String family, Instant at) {
            ServiceApi.Response response = auditor.get("/internal/audit/as-of/wallet?familyId=" + family + "&at="
                    + at);
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            return response.body().path("state");
        }

        private void assertAsOf(JsonNode state, long main, long upcomingMain, int movements) {
            assertThat(List.of(state.path("wallet").path("mainBalanceCents").asLong(),
                    state.path("wallet").path("upcomingMainCents").asLong(),
                    state.path("wallet").path("cesuBalanceCents").asLong(),
                    state.path("wallet").path("upcomingCesuCents").asLong()))
                    .as("Solde, À venir, Solde et À venir mercredi récréatif")
                    .containsExactly(main, upcomingMain, 0L, 0L);
            assertThat(state.path("movements")).hasSize(movements);
        }
    }

    @Nested
    class Invariants {
        @Test
        void concurrent_debits_and_top_ups_on_one_wallet_lose_nothing() throws Exception {
            String family = newFamily();
            int payments = 20;
            int debits = 30;
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < Math.max(payments, debits); i++) {
                    if (i < payments) {
                        answers.add(pool.submit(() -> cash(family, 1_000, UUID.randomUUID()).status()));
                    }
                    if (i < debits) {
                        int day = i;
                        pool.submit(() -> settle(family, charge(chargeId(), "canteen", monday.plusDays(day), 190,
                                false)));
                    }
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(201);
                }
            } finally {
                pool.shutdown();
            }
            awaitWallet(family, payments * 1_000L - debits * 190L, 0, 0, 0);
            List<JsonNode> history = new ArrayList<>();
            staff(Role.AUDITOR).get("/api/families/" + family + "/wallet/movements?limit=200").body()
                    .forEach(history::add);
            assertThat(history).hasSize(payments + debits);
            assertThat(history.stream().mapToLong(m -> m.path("mainCents").asLong()).sum())
                    .as("the balance is the sum of the movements").isEqualTo(payments * 1_000L - debits * 190L);
            // each movement's balance after it follows from the one before
            long running = 0;
            for (int i = history.size() - 1; i >= 0; i--) {
                running += history.get(i).path("mainCents").asLong();
                assertThat(history.get(i).path("mainBalanceCents").asLong()).isEqualTo(running);
            }
            assertThat(jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                    .param(family).query(Long.class).single()).as("loaded from snapshots").isPositive();
        }

        @Test
        void the_read_model_rebuilt_from_the_events_is_the_same() {
            String family = newFamily();
            cash(family, 1_500, UUID.randomUUID());
            settle(family, charge(chargeId(), "canteen", monday, 190, false));
            order(family, charge(chargeId(), "canteen", monday.plusDays(1), 190, false));
            awaitWallet(family, 1_310, 0, 190, 0);
            List<JsonNode> before = movements(family);

            PooledStreamingEventProcessor view = processing.eventProcessor("wallet-view",
                    PooledStreamingEventProcessor.class).orElseThrow();
            view.shutDown();
            view.resetTokens();
            view.start();
            assertThat(jdbc.sql("SELECT count(*) FROM rm_wallet WHERE family_id = ?::uuid").param(family)
                    .query(Long.class).single()).isLessThanOrEqualTo(1);
            awaitWallet(family, 1_310, 0, 190, 0);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(movements(family).toString()).isEqualTo(before.toString()));
        }
    }
}
