package fr.marelle.notification.message;

import fr.marelle.notification.message.MessageCommands.QueueMessage;
import fr.marelle.notification.message.MessageCommands.RecordDelivery;
import fr.marelle.notification.message.MessageCommands.RecordDeliveryFailure;
import fr.marelle.notification.message.MessageCommands.RequeueMessage;
import fr.marelle.notification.message.MessageCommands.StartDelivery;
import fr.marelle.notification.message.MessageEvents.DeliveryAttemptFailed;
import fr.marelle.notification.message.MessageEvents.DeliveryStarted;
import fr.marelle.notification.message.MessageEvents.MessageFailed;
import fr.marelle.notification.message.MessageEvents.MessageQueued;
import fr.marelle.notification.message.MessageEvents.MessageRequeued;
import fr.marelle.notification.message.MessageEvents.MessageSent;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.marelle.notification.message.DeliveryFailureCode.LINK_UNAVAILABLE;
import static fr.marelle.notification.message.DeliveryFailureCode.SMTP_REJECTED;
import static fr.marelle.notification.message.DeliveryFailureCode.SMTP_UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

class OutgoingMessageTest {

    static final Duration LEASE = Duration.ofMinutes(2);
    static final RetryPolicy POLICY = new RetryPolicy(
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30)), 4);
    static final Instant T0 = Instant.parse("2026-09-01T07:45:00Z");

    AggregateTestFixture<OutgoingMessage> fixture;
    final MessageId messageId = new MessageId(UUID.randomUUID());
    final String familyId = UUID.randomUUID().toString();
    final Map<String, String> welcome = Map.of("firstName", "Camille", "lastName", "Martin",
            "registeredBy", "PARENT");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OutgoingMessage.class);
        fixture.registerInjectableResource(POLICY);
    }

    MessageQueued queued() {
        return new MessageQueued(messageId, familyId, Channel.EMAIL, "camille.martin@example.org", "WELCOME", "fr",
                welcome, null, "event-1", null);
    }

    /** An event from before ADR 21: attempts are no longer recorded as they start. */
    DeliveryStarted started(int attempt, Instant at) {
        return new DeliveryStarted(messageId, attempt, at, at.plus(LEASE));
    }

    StartDelivery start(Instant at) {
        return new StartDelivery(messageId, at);
    }

    DeliveryOrder order(int attempt) {
        return new DeliveryOrder(messageId, attempt, familyId, Channel.EMAIL, "camille.martin@example.org", "WELCOME",
                "fr", welcome, null);
    }

    MessageSent sent(int attempt, Instant at) {
        return new MessageSent(messageId, attempt, "<m@vincey.fr>", "250 OK", at, familyId, Channel.EMAIL, "WELCOME");
    }

    DeliveryAttemptFailed attemptFailed(int attempt, Instant at, Instant next) {
        return new DeliveryAttemptFailed(messageId, attempt, SMTP_UNAVAILABLE, "Connexion refusée", at, next);
    }

    RecordDeliveryFailure unavailable(int attempt, Instant at) {
        return new RecordDeliveryFailure(messageId, attempt, SMTP_UNAVAILABLE, "Connexion refusée", false, at);
    }

    static void refusedWith(ResultValidator<OutgoingMessage> result, String code) {
        result.expectException(DomainException.class)
                .expectException(Matchers.predicate(e -> e instanceof DomainException domain
                        && domain.code().equals(code)))
                .expectNoEvents();
    }

    @Nested
    class QueueMessageCommand {

        QueueMessage queue(String template, String language, Map<String, String> parameters, String recipient) {
            return queue(template, language, parameters, recipient, null);
        }

        QueueMessage queue(String template, String language, Map<String, String> parameters, String recipient,
                           String linkRequestId) {
            return new QueueMessage(messageId, familyId, Channel.EMAIL, recipient, template, language, parameters,
                    linkRequestId, "event-1");
        }

        @Test
        void queues_a_message_in_the_language_asked_for_french_by_default() {
            fixture.givenNoPriorActivity()
                    .when(queue("WELCOME", null, welcome, "camille.martin@example.org"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(queued());
        }

        @Test
        void queuing_the_same_message_again_changes_nothing() {
            fixture.given(queued())
                    .when(queue("WELCOME", "fr", welcome, "camille.martin@example.org"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refuses_a_template_it_does_not_know() {
            refusedWith(fixture.givenNoPriorActivity()
                    .when(queue("GAZETTE", "fr", Map.of(), "camille.martin@example.org")), "UNKNOWN_TEMPLATE");
        }

        @Test
        void refuses_a_message_without_the_parameters_its_template_needs() {
            refusedWith(fixture.givenNoPriorActivity()
                            .when(queue("WELCOME", "fr", Map.of("firstName", "Camille"), "camille.martin@example.org")),
                    "TEMPLATE_PARAMETER_MISSING");
        }

        @Test
        void refuses_a_parameter_its_template_does_not_know() {
            Map<String, String> parameters = new HashMap<>(welcome);
            parameters.put("firstname", "Camille");
            refusedWith(fixture.givenNoPriorActivity()
                    .when(queue("WELCOME", "fr", parameters, "camille.martin@example.org")), "TEMPLATE_PARAMETER_UNKNOWN");
        }

        @Test
        void refuses_a_link_as_a_parameter_since_links_are_obtained_when_the_message_is_sent() {
            refusedWith(fixture.givenNoPriorActivity()
                            .when(queue("ACCOUNT_REFUSED", "fr", Map.of("firstName", "Camille",
                                    "reason", "voir https://famille.vincey.fr/reset?token=abc"), "camille.martin@example.org")),
                    "MESSAGE_PARAMETER_IS_A_LINK");
        }

        @Test
        void keeps_the_request_a_single_use_link_will_be_obtained_for_and_answers_it_to_the_delivery() {
            Map<String, String> greeting = Map.of("firstName", "Camille");
            fixture.givenNoPriorActivity()
                    .when(queue("PASSWORD_RESET", "en", greeting, "camille.martin@example.org", "request-42"))
                    .expectEvents(new MessageQueued(messageId, familyId, Channel.EMAIL, "camille.martin@example.org",
                            "PASSWORD_RESET", "en", greeting, "request-42", "event-1", null));
            fixture.given(new MessageQueued(messageId, familyId, Channel.EMAIL, "camille.martin@example.org",
                            "PASSWORD_RESET", "en", greeting, "request-42", "event-1", null))
                    .when(start(T0))
                    .expectResultMessagePayload(new DeliveryOrder(messageId, 1, familyId, Channel.EMAIL,
                            "camille.martin@example.org", "PASSWORD_RESET", "en", greeting, "request-42"));
        }

        @Test
        void refuses_a_message_with_a_link_that_names_no_request_to_obtain_it_for() {
            refusedWith(fixture.givenNoPriorActivity()
                            .when(queue("VERIFY_EMAIL", "fr", Map.of(), "camille.martin@example.org", " ")),
                    "LINK_REQUEST_MISSING");
        }

        @Test
        void refuses_a_link_given_where_the_request_id_goes() {
            refusedWith(fixture.givenNoPriorActivity()
                            .when(queue("VERIFY_EMAIL", "fr", Map.of(), "camille.martin@example.org",
                                    "https://famille.vincey.fr/compte/valider?jeton=abc")),
                    "LINK_REQUEST_INVALID");
        }

        @Test
        void a_message_to_a_staff_member_belongs_to_no_family() {
            fixture.givenNoPriorActivity()
                    .when(new QueueMessage(messageId, null, Channel.EMAIL, "claude.agent@vincey.fr",
                            "LOGIN_INVITATION", "fr", Map.of("invitee", "STAFF"), "request-7", "event-1"))
                    .expectEvents(new MessageQueued(messageId, null, Channel.EMAIL, "claude.agent@vincey.fr",
                            "LOGIN_INVITATION", "fr", Map.of("invitee", "STAFF"), "request-7", "event-1", null));
        }

        @Test
        void refuses_an_email_to_something_that_is_not_an_email_address() {
            refusedWith(fixture.givenNoPriorActivity()
                    .when(queue("WELCOME", "fr", welcome, "camille.martin")), "RECIPIENT_INVALID");
        }
    }

    @Nested
    class StartDeliveryCommand {

        @Test
        void answers_the_first_attempt_of_a_queued_message_and_what_to_send_and_records_nothing() {
            fixture.given(queued())
                    .when(start(T0))
                    .expectNoEvents()
                    .expectResultMessagePayload(order(1));
        }

        @Test
        void answers_the_same_attempt_to_the_next_claim_when_the_first_left_no_outcome() {
            // the first worker died with its claim: once the claim's lease ended, the next one makes attempt 1 again
            fixture.given(queued())
                    .when(start(T0.plus(LEASE)))
                    .expectNoEvents()
                    .expectResultMessagePayload(order(1));
        }

        @Test
        void numbers_an_attempt_after_those_whose_outcome_is_recorded() {
            Instant due = T0.plus(Duration.ofMinutes(1));
            fixture.given(queued(), attemptFailed(1, T0, due))
                    .when(start(due))
                    .expectNoEvents()
                    .expectResultMessagePayload(order(2));
        }

        @Test
        void refuses_to_send_a_message_already_sent() {
            refusedWith(fixture.given(queued(), sent(1, T0.plusSeconds(1)))
                    .when(start(T0.plusSeconds(600))), "MESSAGE_ALREADY_SENT");
        }

        @Test
        void refuses_to_retry_before_the_back_off_has_passed() {
            Instant failedAt = T0.plusSeconds(5);
            refusedWith(fixture.given(queued(), attemptFailed(1, failedAt, failedAt.plus(Duration.ofMinutes(1))))
                    .when(start(failedAt.plusSeconds(30))), "DELIVERY_NOT_DUE");
        }

        @Test
        void refuses_an_sms_deferred_to_the_morning_before_its_time() {
            Instant morning = T0.plus(Duration.ofHours(10));
            refusedWith(fixture.given(new MessageQueued(messageId, familyId, Channel.SMS, "+33612345678",
                            "WALLET_BALANCE_LOW", "fr", Map.of("balanceCents", "900", "thresholdCents", "1500"), null,
                            "event-1", morning))
                    .when(start(morning.minusSeconds(1))), "DELIVERY_NOT_DUE");
        }

        @Test
        void refuses_to_send_a_failed_message_until_staff_requeue_it() {
            refusedWith(fixture.given(queued(), new MessageFailed(messageId, 1, SMTP_REJECTED, "550 Mailbox unknown",
                            T0.plusSeconds(1), familyId, Channel.EMAIL, "WELCOME"))
                    .when(start(T0.plusSeconds(3600))), "MESSAGE_FAILED");
        }

        @Test
        void an_attempt_started_by_an_event_from_before_adr_21_holds_the_message_until_its_lease_ends() {
            refusedWith(fixture.given(queued(), started(1, T0))
                    .when(start(T0.plusSeconds(30))), "DELIVERY_IN_PROGRESS");
            fixture.given(queued(), started(1, T0))
                    .when(start(T0.plus(LEASE)))
                    .expectNoEvents()
                    .expectResultMessagePayload(order(2));
        }
    }

    @Nested
    class RecordDeliveryCommand {

        @Test
        void records_the_message_as_sent_with_its_smtp_message_id() {
            fixture.given(queued())
                    .when(new RecordDelivery(messageId, 1, "<m@vincey.fr>", "250 2.0.0 OK", T0.plusSeconds(2)))
                    .expectEvents(new MessageSent(messageId, 1, "<m@vincey.fr>", "250 2.0.0 OK", T0.plusSeconds(2),
                            familyId, Channel.EMAIL, "WELCOME"));
        }

        @Test
        void records_a_success_that_an_interrupted_attempt_reports_late() {
            Instant late = T0.plus(LEASE).plusSeconds(1);
            fixture.given(queued(), started(1, T0), started(2, T0.plus(LEASE)))
                    .when(new RecordDelivery(messageId, 1, "<m@vincey.fr>", "250 OK", late))
                    .expectEvents(new MessageSent(messageId, 1, "<m@vincey.fr>", "250 OK", late, familyId,
                            Channel.EMAIL, "WELCOME"));
        }

        @Test
        void records_a_success_after_a_failure_of_the_same_attempt_reported_by_another_claim() {
            Instant due = T0.plus(Duration.ofMinutes(1));
            fixture.given(queued(), attemptFailed(1, T0, due))
                    .when(new RecordDelivery(messageId, 1, "<m@vincey.fr>", "250 OK", T0.plusSeconds(2)))
                    .expectEvents(new MessageSent(messageId, 1, "<m@vincey.fr>", "250 OK", T0.plusSeconds(2),
                            familyId, Channel.EMAIL, "WELCOME"));
        }

        @Test
        void refuses_to_record_a_second_success() {
            refusedWith(fixture.given(queued(), sent(1, T0.plusSeconds(2)))
                    .when(new RecordDelivery(messageId, 1, "<m@vincey.fr>", "250 OK", T0.plusSeconds(3))),
                    "MESSAGE_ALREADY_SENT");
        }

        @Test
        void refuses_the_outcome_of_an_attempt_that_cannot_have_been_made() {
            // attempt 2 is asked for only once attempt 1's outcome is recorded
            refusedWith(fixture.given(queued())
                    .when(new RecordDelivery(messageId, 2, "<m@vincey.fr>", "250 OK", T0)), "DELIVERY_ATTEMPT_UNKNOWN");
            refusedWith(fixture.given(queued())
                    .when(new RecordDelivery(messageId, 0, "<m@vincey.fr>", "250 OK", T0)), "DELIVERY_ATTEMPT_UNKNOWN");
            refusedWith(fixture.given(queued(), started(1, T0))
                    .when(unavailable(2, T0)), "DELIVERY_ATTEMPT_UNKNOWN");
        }
    }

    @Nested
    class RecordDeliveryFailureCommand {

        @Test
        void schedules_the_next_attempt_after_the_first_delay_of_the_back_off() {
            Instant failedAt = T0.plusSeconds(10);
            fixture.given(queued())
                    .when(unavailable(1, failedAt))
                    .expectEvents(attemptFailed(1, failedAt, failedAt.plus(Duration.ofMinutes(1))));
        }

        @Test
        void waits_longer_after_each_failure_and_repeats_the_last_delay() {
            Instant t1 = T0.plus(Duration.ofMinutes(1));
            Instant t2 = t1.plus(Duration.ofMinutes(5));
            fixture.given(queued(),
                            new DeliveryAttemptFailed(messageId, 1, SMTP_UNAVAILABLE, "x", T0, t1),
                            new DeliveryAttemptFailed(messageId, 2, SMTP_UNAVAILABLE, "x", t1, t2))
                    .when(unavailable(3, t2))
                    .expectEvents(attemptFailed(3, t2, t2.plus(Duration.ofMinutes(30))));
            assertThat(POLICY.nextAttemptAt(7, T0)).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        }

        @Test
        void fails_the_message_when_its_last_attempt_fails() {
            Instant t = T0;
            fixture.given(queued(),
                            new DeliveryAttemptFailed(messageId, 1, SMTP_UNAVAILABLE, "x", t, t),
                            new DeliveryAttemptFailed(messageId, 2, SMTP_UNAVAILABLE, "x", t, t),
                            new DeliveryAttemptFailed(messageId, 3, SMTP_UNAVAILABLE, "x", t, t))
                    .when(unavailable(4, t.plusSeconds(1)))
                    .expectEvents(new MessageFailed(messageId, 4, SMTP_UNAVAILABLE, "Connexion refusée",
                            t.plusSeconds(1), familyId, Channel.EMAIL, "WELCOME"));
        }

        @Test
        void fails_the_message_at_once_when_the_failure_is_permanent() {
            fixture.given(queued())
                    .when(new RecordDeliveryFailure(messageId, 1, SMTP_REJECTED, "550 Mailbox unknown", true,
                            T0.plusSeconds(1)))
                    .expectEvents(new MessageFailed(messageId, 1, SMTP_REJECTED, "550 Mailbox unknown",
                            T0.plusSeconds(1), familyId, Channel.EMAIL, "WELCOME"));
        }

        @Test
        void a_failure_reported_after_the_message_was_sent_changes_nothing() {
            fixture.given(queued(), sent(1, T0.plusSeconds(1)))
                    .when(unavailable(1, T0.plus(LEASE).plusSeconds(5)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_second_failure_of_an_attempt_already_failed_changes_nothing() {
            // two claims made attempt 1 (the first one's lease ended while it waited on the provider)
            fixture.given(queued(), attemptFailed(1, T0, T0.plus(Duration.ofMinutes(1))))
                    .when(unavailable(1, T0.plus(LEASE).plusSeconds(5)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void the_attempt_started_after_the_lease_of_one_from_before_adr_21_ended_has_its_outcome_recorded() {
            Instant later = T0.plus(LEASE).plusSeconds(5);
            fixture.given(queued(), started(1, T0))
                    .when(unavailable(2, later))
                    .expectEvents(attemptFailed(2, later, later.plus(Duration.ofMinutes(5))));
            fixture.given(queued(), started(1, T0))
                    .when(new RecordDelivery(messageId, 2, "<m@vincey.fr>", "250 OK", later))
                    .expectEvents(new MessageSent(messageId, 2, "<m@vincey.fr>", "250 OK", later, familyId,
                            Channel.EMAIL, "WELCOME"));
        }

        @Test
        void the_failure_of_an_attempt_superseded_before_adr_21_changes_nothing() {
            fixture.given(queued(), started(1, T0), started(2, T0.plus(LEASE)))
                    .when(unavailable(1, T0.plus(LEASE).plusSeconds(5)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class RequeueMessageCommand {

        MessageFailed failed = new MessageFailed(messageId, 1, LINK_UNAVAILABLE, "Lien indisponible", T0, familyId,
                Channel.EMAIL, "WELCOME");

        @Test
        void staff_requeue_a_failed_message() {
            fixture.given(queued(), failed)
                    .when(new RequeueMessage(messageId, T0.plusSeconds(3600)))
                    .expectEvents(new MessageRequeued(messageId, T0.plusSeconds(3600)));
        }

        @Test
        void a_requeued_message_gets_a_whole_new_series_of_attempts() {
            Instant t = T0.plusSeconds(3600);
            fixture.given(queued(), failed, new MessageRequeued(messageId, t))
                    .when(unavailable(2, t.plusSeconds(1)))
                    .expectEvents(attemptFailed(2, t.plusSeconds(1), t.plusSeconds(1).plus(Duration.ofMinutes(1))));
        }

        @Test
        void a_requeued_message_starts_again_at_once() {
            Instant t = T0.plusSeconds(3600);
            fixture.given(queued(), failed, new MessageRequeued(messageId, t))
                    .when(start(t))
                    .expectNoEvents()
                    .expectResultMessagePayload(order(2));
        }

        @Test
        void refuses_to_requeue_a_message_that_has_not_failed() {
            refusedWith(fixture.given(queued())
                    .when(new RequeueMessage(messageId, T0.plusSeconds(60))), "MESSAGE_NOT_FAILED");
        }

        @Test
        void refuses_to_requeue_a_message_already_sent() {
            refusedWith(fixture.given(queued(), sent(1, T0.plusSeconds(1)))
                    .when(new RequeueMessage(messageId, T0.plusSeconds(60))), "MESSAGE_NOT_FAILED");
        }
    }
}
