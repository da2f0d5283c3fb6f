package fr.marelle.notification.family;

import fr.marelle.notification.family.FamilyNotificationsCommands.ChooseChannels;
import fr.marelle.notification.family.FamilyNotificationsCommands.PlanNotification;
import fr.marelle.notification.family.FamilyNotificationsCommands.StopNewsletter;
import fr.marelle.notification.family.FamilyNotificationsEvents.ChannelsChosen;
import fr.marelle.notification.family.FamilyNotificationsEvents.NotificationPlanned;
import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.NotificationKind;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static fr.marelle.notification.message.NotificationKind.DOCUMENT_APPROVED;
import static fr.marelle.notification.message.NotificationKind.INVOICE_ISSUED;
import static fr.marelle.notification.message.NotificationKind.NEWSLETTER;
import static fr.marelle.notification.message.NotificationKind.WALLET_BALANCE_LOW;
import static fr.marelle.notification.message.NotificationKind.WALLET_OVERDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

class FamilyNotificationsTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Tuesday 1 September 2026, 16:31 in Paris (summer time, UTC+2). */
    static final Instant AFTERNOON = Instant.parse("2026-09-01T14:31:00Z");
    static final LocalDate TUESDAY = LocalDate.of(2026, 9, 1);

    AggregateTestFixture<FamilyNotifications> fixture;
    final FamilyId family = new FamilyId(UUID.randomUUID());

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FamilyNotifications.class);
        fixture.registerInjectableResource(SmsWindow.parisNights());
    }

    static Instant paris(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(PARIS).toInstant();
    }

    PlanNotification plan(NotificationKind kind, String cause, Instant at) {
        return new PlanNotification(family, kind, cause, at, true, true);
    }

    NotificationPlanned planned(NotificationKind kind, String cause, Instant at, boolean email, Instant smsAt,
                                String withheld) {
        return new NotificationPlanned(family, kind, cause, email, smsAt,
                smsAt == null ? null : smsAt.atZone(PARIS).toLocalDate(), withheld, at);
    }

    static Map<NotificationKind, Set<Channel>> choices(Object... kindsAndChannels) {
        Map<NotificationKind, Set<Channel>> choices = new EnumMap<>(NotificationKind.class);
        for (int i = 0; i < kindsAndChannels.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<Channel> channels = (Set<Channel>) kindsAndChannels[i + 1];
            choices.put((NotificationKind) kindsAndChannels[i], channels);
        }
        return choices;
    }

    @Nested
    class PlanNotificationCommand {

        @Test
        void a_family_that_chose_nothing_gets_the_wallet_alert_by_email_and_by_sms_at_once() {
            fixture.givenNoPriorActivity()
                    .when(plan(WALLET_BALANCE_LOW, "low-1", AFTERNOON))
                    .expectEvents(planned(WALLET_BALANCE_LOW, "low-1", AFTERNOON, true, AFTERNOON, null))
                    .expectResultMessagePayload(new NotificationPlan(true, AFTERNOON, null));
        }

        @Test
        void a_family_that_chose_nothing_gets_an_invoice_by_email_only_and_an_approved_document_not_at_all() {
            fixture.givenNoPriorActivity()
                    .when(plan(INVOICE_ISSUED, "invoice-1", AFTERNOON))
                    .expectResultMessagePayload(new NotificationPlan(true, null, null));
            fixture.givenNoPriorActivity()
                    .when(plan(DOCUMENT_APPROVED, "doc-1", AFTERNOON))
                    .expectResultMessagePayload(new NotificationPlan(false, null, null));
        }

        @Test
        void the_channels_are_those_the_family_chose() {
            fixture.given(new ChannelsChosen(family, choices(WALLET_BALANCE_LOW, Set.of(Channel.SMS),
                            INVOICE_ISSUED, Set.of(Channel.EMAIL, Channel.SMS)), "PREFERENCES", AFTERNOON))
                    .when(plan(WALLET_BALANCE_LOW, "low-1", AFTERNOON))
                    .expectResultMessagePayload(new NotificationPlan(false, AFTERNOON, null));
        }

        @Test
        void no_sms_at_night_the_sms_waits_for_eight_in_the_morning_and_the_email_does_not_wait() {
            Instant evening = paris(TUESDAY, 21, 5);
            Instant morning = paris(TUESDAY.plusDays(1), 8, 0);
            fixture.givenNoPriorActivity()
                    .when(plan(WALLET_BALANCE_LOW, "low-1", evening))
                    .expectEvents(planned(WALLET_BALANCE_LOW, "low-1", evening, true, morning, null))
                    .expectResultMessagePayload(new NotificationPlan(true, morning, null));
        }

        @Test
        void after_midnight_the_sms_waits_for_eight_the_same_morning() {
            Instant night = paris(TUESDAY, 3, 0);
            fixture.givenNoPriorActivity()
                    .when(plan(WALLET_OVERDRAWN, "over-1", night))
                    .expectResultMessagePayload(new NotificationPlan(true, paris(TUESDAY, 8, 0), null));
        }

        @Test
        void at_most_one_sms_per_family_kind_and_day_the_email_still_goes() {
            Instant later = AFTERNOON.plusSeconds(3_600);
            fixture.given(planned(WALLET_BALANCE_LOW, "low-1", AFTERNOON, true, AFTERNOON, null))
                    .when(plan(WALLET_BALANCE_LOW, "low-2", later))
                    .expectEvents(planned(WALLET_BALANCE_LOW, "low-2", later, true, null, NotificationPlan.DAILY_LIMIT))
                    .expectResultMessagePayload(new NotificationPlan(true, null, NotificationPlan.DAILY_LIMIT));
        }

        @Test
        void another_kind_has_its_own_sms_that_day() {
            Instant later = AFTERNOON.plusSeconds(600);
            fixture.given(planned(WALLET_BALANCE_LOW, "low-1", AFTERNOON, true, AFTERNOON, null))
                    .when(plan(WALLET_OVERDRAWN, "over-1", later))
                    .expectResultMessagePayload(new NotificationPlan(true, later, null));
        }

        @Test
        void the_next_day_brings_a_new_sms() {
            Instant tomorrow = paris(TUESDAY.plusDays(1), 9, 0);
            fixture.given(planned(WALLET_BALANCE_LOW, "low-1", AFTERNOON, true, AFTERNOON, null))
                    .when(plan(WALLET_BALANCE_LOW, "low-2", tomorrow))
                    .expectResultMessagePayload(new NotificationPlan(true, tomorrow, null));
        }

        @Test
        void an_sms_deferred_to_the_morning_counts_for_that_morning() {
            Instant evening = paris(TUESDAY, 21, 0);
            Instant morning = paris(TUESDAY.plusDays(1), 8, 0);
            Instant nextMorning = paris(TUESDAY.plusDays(1), 9, 30);
            fixture.given(planned(WALLET_BALANCE_LOW, "low-1", evening, true, morning, null))
                    .when(plan(WALLET_BALANCE_LOW, "low-2", nextMorning))
                    .expectResultMessagePayload(new NotificationPlan(true, null, NotificationPlan.DAILY_LIMIT));
        }

        @Test
        void a_family_without_a_mobile_gets_the_email_and_no_sms() {
            fixture.givenNoPriorActivity()
                    .when(new PlanNotification(family, WALLET_BALANCE_LOW, "low-1", AFTERNOON, true, false))
                    .expectResultMessagePayload(new NotificationPlan(true, null, NotificationPlan.NO_MOBILE));
        }

        @Test
        void the_same_cause_is_planned_once_and_answers_the_same_plan() {
            fixture.given(planned(WALLET_BALANCE_LOW, "low-1", AFTERNOON, true, AFTERNOON, null))
                    .when(plan(WALLET_BALANCE_LOW, "low-1", AFTERNOON.plusSeconds(5)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new NotificationPlan(true, AFTERNOON, null));
        }
    }

    @Nested
    class ChooseChannelsCommand {

        @Test
        void a_family_chooses_channels_for_some_kinds_and_gets_back_every_kind_with_its_channels() {
            fixture.givenNoPriorActivity()
                    .when(new ChooseChannels(family, choices(WALLET_BALANCE_LOW, Set.of(Channel.EMAIL)), AFTERNOON))
                    .expectEvents(new ChannelsChosen(family, choices(WALLET_BALANCE_LOW, Set.of(Channel.EMAIL)),
                            "PREFERENCES", AFTERNOON))
                    .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.predicate(result -> {
                        @SuppressWarnings("unchecked")
                        Map<NotificationKind, Set<Channel>> all = (Map<NotificationKind, Set<Channel>>) result;
                        return all.get(WALLET_BALANCE_LOW).equals(Set.of(Channel.EMAIL))
                                && all.get(WALLET_OVERDRAWN).equals(Set.of(Channel.EMAIL, Channel.SMS))
                                && all.size() == NotificationKind.chosenByFamilies().size();
                    }));
        }

        @Test
        void choosing_again_what_was_chosen_records_nothing() {
            fixture.given(new ChannelsChosen(family, choices(WALLET_BALANCE_LOW, Set.of(Channel.EMAIL)),
                            "PREFERENCES", AFTERNOON))
                    .when(new ChooseChannels(family, choices(WALLET_BALANCE_LOW, Set.of(Channel.EMAIL)), AFTERNOON))
                    .expectNoEvents();
        }

        @Test
        void a_kind_not_named_keeps_its_choice() {
            fixture.given(new ChannelsChosen(family, choices(INVOICE_ISSUED, Set.of()), "PREFERENCES", AFTERNOON))
                    .when(new ChooseChannels(family, choices(WALLET_BALANCE_LOW, Set.of(Channel.SMS)), AFTERNOON))
                    .expectEvents(new ChannelsChosen(family, choices(INVOICE_ISSUED, Set.of(),
                            WALLET_BALANCE_LOW, Set.of(Channel.SMS)), "PREFERENCES", AFTERNOON));
        }

        @Test
        void refuses_the_newsletter_by_sms() {
            fixture.givenNoPriorActivity()
                    .when(new ChooseChannels(family, choices(NEWSLETTER, Set.of(Channel.SMS)), AFTERNOON))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Certains choix ne sont pas proposés.");
        }

        @Test
        void refuses_to_turn_off_the_account_emails() {
            fixture.givenNoPriorActivity()
                    .when(new ChooseChannels(family, choices(NotificationKind.ACCOUNT, Set.of()), AFTERNOON))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class StopNewsletterCommand {

        @Test
        void the_unsubscribe_link_turns_the_newsletter_off_for_the_family() {
            fixture.given(new ChannelsChosen(family, choices(INVOICE_ISSUED, Set.of(Channel.SMS)), "PREFERENCES",
                            AFTERNOON))
                    .when(new StopNewsletter(family, AFTERNOON))
                    .expectEvents(new ChannelsChosen(family, choices(INVOICE_ISSUED, Set.of(Channel.SMS),
                            NEWSLETTER, Set.of()), "UNSUBSCRIBE_LINK", AFTERNOON));
        }

        @Test
        void following_the_link_again_changes_nothing() {
            fixture.given(new ChannelsChosen(family, choices(NEWSLETTER, Set.of()), "UNSUBSCRIBE_LINK", AFTERNOON))
                    .when(new StopNewsletter(family, AFTERNOON))
                    .expectNoEvents();
        }
    }

    @Nested
    class Nights {

        final SmsWindow window = SmsWindow.parisNights();

        @Test
        void the_night_runs_from_eight_in_the_evening_to_eight_in_the_morning_in_paris() {
            assertThat(window.isNight(paris(TUESDAY, 19, 59))).isFalse();
            assertThat(window.isNight(paris(TUESDAY, 20, 0))).isTrue();
            assertThat(window.isNight(paris(TUESDAY, 7, 59))).isTrue();
            assertThat(window.isNight(paris(TUESDAY, 8, 0))).isFalse();
        }

        @Test
        void the_morning_after_the_change_to_summer_time_is_eight_o_clock_local_time() {
            // Sunday 29 March 2026: clocks go from 02:00 to 03:00 in Paris
            Instant saturdayEvening = paris(LocalDate.of(2026, 3, 28), 22, 0);
            assertThat(window.earliestSms(saturdayEvening).atZone(PARIS).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
            assertThat(window.earliestSms(saturdayEvening)).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        }

        @Test
        void a_town_without_nights_sends_at_once() {
            SmsWindow always = new SmsWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, PARIS);
            assertThat(always.earliestSms(paris(TUESDAY, 23, 0))).isEqualTo(paris(TUESDAY, 23, 0));
        }
    }
}
