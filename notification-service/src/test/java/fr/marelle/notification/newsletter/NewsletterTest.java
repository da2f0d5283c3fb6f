package fr.marelle.notification.newsletter;

import fr.marelle.notification.newsletter.NewsletterCommands.RecordAudience;
import fr.marelle.notification.newsletter.NewsletterCommands.ReviseNewsletter;
import fr.marelle.notification.newsletter.NewsletterCommands.SendNewsletter;
import fr.marelle.notification.newsletter.NewsletterCommands.WriteNewsletter;
import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterAudienceCounted;
import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterRevised;
import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterSendingStarted;
import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterWritten;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NewsletterTest {

    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    static final String SUBJECT = "Fête de l'école le 27 juin";
    static final String BODY = "La fête de l'école aura lieu le samedi 27 juin.\n\nVenez nombreux !";

    AggregateTestFixture<Newsletter> fixture;
    final NewsletterId id = NewsletterId.random();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Newsletter.class);
    }

    NewsletterWritten written() {
        return new NewsletterWritten(id, SUBJECT, BODY, T0);
    }

    static void refusedWith(ResultValidator<Newsletter> result, String code) {
        result.expectException(DomainException.class)
                .expectException(Matchers.predicate(e -> e instanceof DomainException domain
                        && domain.code().equals(code)))
                .expectNoEvents();
    }

    @Nested
    class WriteNewsletterCommand {

        @Test
        void staff_write_a_news_item_with_a_subject_and_a_text() {
            fixture.givenNoPriorActivity()
                    .when(new WriteNewsletter(id, "  " + SUBJECT + " ", BODY + "\n", T0))
                    .expectEvents(written());
        }

        @Test
        void refuses_a_news_item_without_a_subject_or_a_text_naming_both_fields() {
            fixture.givenNoPriorActivity()
                    .when(new WriteNewsletter(id, " ", "", T0))
                    .expectException(Matchers.predicate(e -> e instanceof DomainException domain
                            && domain.code().equals("VALIDATION_FAILED") && domain.violations().size() == 2));
        }

        @Test
        void refuses_a_subject_on_two_lines_or_longer_than_150_characters() {
            refusedWith(fixture.givenNoPriorActivity().when(new WriteNewsletter(id, "Un\nDeux", BODY, T0)),
                    "VALIDATION_FAILED");
            refusedWith(fixture.givenNoPriorActivity().when(new WriteNewsletter(id, "x".repeat(151), BODY, T0)),
                    "VALIDATION_FAILED");
        }
    }

    @Nested
    class ReviseNewsletterCommand {

        @Test
        void staff_revise_a_news_item_not_sent_yet() {
            fixture.given(written())
                    .when(new ReviseNewsletter(id, SUBJECT, "Nouveau texte.", T0.plusSeconds(60)))
                    .expectEvents(new NewsletterRevised(id, SUBJECT, "Nouveau texte.", T0.plusSeconds(60)));
        }

        @Test
        void the_same_words_again_change_nothing() {
            fixture.given(written())
                    .when(new ReviseNewsletter(id, SUBJECT, BODY, T0.plusSeconds(60)))
                    .expectNoEvents();
        }

        @Test
        void refuses_to_change_a_news_item_already_sent() {
            refusedWith(fixture.given(written(), new NewsletterSendingStarted(id, SUBJECT, BODY, T0))
                    .when(new ReviseNewsletter(id, SUBJECT, "Autre.", T0)), "NEWSLETTER_ALREADY_SENT");
        }
    }

    @Nested
    class SendNewsletterCommand {

        @Test
        void sending_freezes_the_words_as_they_are() {
            fixture.given(written(), new NewsletterRevised(id, "Nouvel objet", "Nouveau texte.", T0))
                    .when(new SendNewsletter(id, T0.plusSeconds(120)))
                    .expectEvents(new NewsletterSendingStarted(id, "Nouvel objet", "Nouveau texte.",
                            T0.plusSeconds(120)));
        }

        @Test
        void a_news_item_is_sent_once() {
            refusedWith(fixture.given(written(), new NewsletterSendingStarted(id, SUBJECT, BODY, T0))
                    .when(new SendNewsletter(id, T0)), "NEWSLETTER_ALREADY_SENT");
        }

        @Test
        void its_audience_is_counted_once_after_the_sending_started() {
            fixture.given(written(), new NewsletterSendingStarted(id, SUBJECT, BODY, T0))
                    .when(new RecordAudience(id, 42))
                    .expectEvents(new NewsletterAudienceCounted(id, 42));
            fixture.given(written(), new NewsletterSendingStarted(id, SUBJECT, BODY, T0),
                            new NewsletterAudienceCounted(id, 42))
                    .when(new RecordAudience(id, 43))
                    .expectNoEvents();
            fixture.given(written())
                    .when(new RecordAudience(id, 43))
                    .expectNoEvents();
        }
    }

    @Test
    void the_rules_name_their_limits() {
        assertThat(NewsletterRules.SUBJECT_MAX).isEqualTo(150);
        assertThat(NewsletterRules.BODY_MAX).isEqualTo(20_000);
    }
}
