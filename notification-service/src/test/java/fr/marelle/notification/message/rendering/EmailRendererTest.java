package fr.marelle.notification.message.rendering;

import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.DeliveryOrder;
import fr.marelle.notification.message.LinkKind;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.MessageTemplate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailRendererTest {

    static final TownProperties TOWN = new TownProperties("Ville de Vincey", "contact@vincey.fr");
    static final PortalProperties PORTAL = new PortalProperties("https://famille.vincey.fr");
    static final String SECRET_LINK = "https://famille.vincey.fr/liens/7f3c2a9e-secret";
    static final String UNSUBSCRIBE_LINK = "https://famille.vincey.fr/newsletter/desinscription?jeton=3c9d-secret";
    static final String NEWSLETTER_ID = "7e0f2a4b-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
    static final NewsletterContents.NewsletterContent NEWS = new NewsletterContents.NewsletterContent(
            "Fête de l'école le 27 juin", "La fête de l'école aura lieu le samedi 27 juin.\n\nVenez nombreux !");

    final AtomicInteger linkRequests = new AtomicInteger();
    final List<LinkRequest> requests = new ArrayList<>();
    final List<String> unsubscribed = new ArrayList<>();
    final EmailRenderer renderer = new EmailRenderer(TOWN, PORTAL, request -> {
        linkRequests.incrementAndGet();
        requests.add(request);
        return new ResolvedLink(SECRET_LINK, Instant.parse("2026-09-03T16:30:00Z"));
    }, id -> NEWSLETTER_ID.equals(id) ? java.util.Optional.of(NEWS) : java.util.Optional.empty(), familyId -> {
        unsubscribed.add(familyId);
        return UNSUBSCRIBE_LINK;
    });

    static Stream<Arguments> everyTemplateInEveryLanguage() {
        List<Arguments> all = new ArrayList<>();
        for (MessageTemplate template : MessageTemplate.values()) {
            all.add(Arguments.of(template, "fr"));
            all.add(Arguments.of(template, "en"));
        }
        return all.stream();
    }

    /** Every parameter the template knows, required or optional, with realistic values. */
    static Map<String, String> parametersOf(MessageTemplate template) {
        Map<String, String> parameters = new HashMap<>();
        Set<String> known = new HashSet<>(template.requiredParameters());
        known.addAll(template.optionalParameters());
        for (String name : known) {
            parameters.put(name, switch (name) {
                case "firstName" -> "Camille";
                case "lastName" -> "Martin";
                case "registeredBy" -> "PARENT";
                case "reason" -> "Justificatif de domicile manquant";
                case "invitee" -> "GUARDIAN";
                case "balanceCents" -> "1410";
                case "thresholdCents" -> "1500";
                case "amountCents" -> "5000";
                case "totalCents" -> "3990";
                case "booked" -> "3";
                case "waitlisted" -> "1";
                case "summary" -> fr.marelle.notification.message.BookingSummary.write(List.of(
                        new fr.marelle.notification.message.BookingSummary.Entry("Léa", "Restauration scolaire",
                                List.of(java.time.LocalDate.parse("2026-09-01"),
                                        java.time.LocalDate.parse("2026-09-03"),
                                        java.time.LocalDate.parse("2026-09-04")),
                                List.of(java.time.LocalDate.parse("2026-09-02")))));
                case "serviceName" -> "Restauration scolaire";
                case "date", "periodStart" -> "2026-09-01";
                case "periodEnd" -> "2026-09-30";
                case "validUntil" -> "2027-08-31";
                case "childName" -> "Léa";
                case "children" -> "Léa, Tom";
                case "documentTitle" -> "Fiche sanitaire";
                case "number" -> "FAC-2026-000042";
                case "newsletterId" -> NEWSLETTER_ID;
                default -> "valeur";
            });
        }
        return parameters;
    }

    static DeliveryOrder order(MessageTemplate template, String language, Map<String, String> parameters) {
        return new DeliveryOrder(new MessageId(UUID.randomUUID()), 1, UUID.randomUUID().toString(), Channel.EMAIL,
                "camille.martin@example.org", template.name(), language, parameters,
                template.link().isPresent() ? "request-" + template.name() : null);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInEveryLanguage")
    void every_template_renders_a_subject_a_text_and_an_html_body_with_the_town_and_the_notice_on_personal_data(
            MessageTemplate template, String language) throws Exception {
        RenderedEmail email = renderer.render(order(template, language, parametersOf(template)));

        assertThat(email.language()).isEqualTo(language);
        assertThat(email.subject()).isNotBlank().contains("Ville de Vincey").doesNotContain("\n", "<", "${");
        for (String body : List.of(email.text(), email.html())) {
            assertThat(body).contains("Ville de Vincey", "contact@vincey.fr", "CNIL")
                    .doesNotContain("${", "[(", "[#", "[/]").doesNotContainPattern("\\sth:[a-z]+=");
            if (language.equals("fr")) {
                assertThat(body).contains("Vos données personnelles", "droit d'accès", "de rectification",
                        "d'effacement", "d'opposition", "RGPD");
            } else {
                assertThat(body).contains("Your personal data", "right to access, rectify and erase",
                        "to object to its processing", "GDPR");
            }
            if (parametersOf(template).containsKey("firstName")) {
                assertThat(body).contains(language.equals("fr") ? "Bonjour Camille," : "Hello Camille,");
            }
        }
        assertThat(email.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + language + "\"");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInEveryLanguage")
    void a_single_use_link_is_obtained_at_render_time_only_for_the_templates_that_carry_one(
            MessageTemplate template, String language) throws Exception {
        RenderedEmail email = renderer.render(order(template, language, parametersOf(template)));

        if (template.link().isPresent()) {
            assertThat(requests).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(template.link().get());
                assertThat(r.issuerRequestId()).isEqualTo("request-" + template.name());
            });
            assertThat(email.text()).contains(SECRET_LINK);
            assertThat(email.html()).contains("href=\"" + SECRET_LINK + "\"");
            assertThat(email.text()).contains(language.equals("fr") ? "3 septembre 2026 à 18h30"
                    : "3 September 2026 at 18:30 (Paris time)");
        } else {
            assertThat(linkRequests).hasValue(0);
            assertThat(email.text()).doesNotContain(SECRET_LINK);
        }
    }

    @Nested
    class Wording {

        @Test
        void the_welcome_message_tells_a_parent_to_confirm_their_address_and_a_family_registered_by_staff_how_to_log_in()
                throws Exception {
            Map<String, String> parameters = new HashMap<>(parametersOf(MessageTemplate.WELCOME));
            RenderedEmail byParent = renderer.render(order(MessageTemplate.WELCOME, "fr", parameters));
            parameters.put("registeredBy", "STAFF");
            RenderedEmail byStaff = renderer.render(order(MessageTemplate.WELCOME, "fr", parameters));

            assertThat(byParent.text()).contains("confirmez votre adresse e-mail").doesNotContain("ont ouvert");
            assertThat(byStaff.text()).contains("Les services de la mairie ont ouvert votre dossier")
                    .doesNotContain("confirmez votre adresse e-mail");
            assertThat(byStaff.subject()).isEqualTo("Bienvenue sur votre portail famille – Ville de Vincey");
        }

        @Test
        void a_family_opened_by_staff_is_told_to_ask_for_an_invitation_since_it_has_no_login_yet() throws Exception {
            Map<String, String> parameters = new HashMap<>(parametersOf(MessageTemplate.WELCOME));
            parameters.put("registeredBy", "STAFF");
            RenderedEmail french = renderer.render(order(MessageTemplate.WELCOME, "fr", parameters));
            RenderedEmail english = renderer.render(order(MessageTemplate.WELCOME, "en", parameters));

            assertThat(french.text()).contains("une invitation à choisir votre mot de passe")
                    .doesNotContain("Des problèmes de connexion");
            assertThat(english.text()).contains("an invitation to choose your password")
                    .doesNotContain("Trouble logging in");
        }

        @Test
        void a_guardian_is_invited_to_their_family_space_and_a_staff_member_to_a_staff_account() throws Exception {
            Map<String, String> guardian = Map.of("firstName", "Dominique", "invitee", "GUARDIAN");
            Map<String, String> staff = Map.of("firstName", "Claude", "invitee", "STAFF");
            RenderedEmail toGuardian = renderer.render(order(MessageTemplate.LOGIN_INVITATION, "fr", guardian));
            RenderedEmail toStaff = renderer.render(order(MessageTemplate.LOGIN_INVITATION, "fr", staff));
            RenderedEmail toStaffInEnglish = renderer.render(order(MessageTemplate.LOGIN_INVITATION, "en", staff));

            assertThat(toGuardian.subject()).isEqualTo("Votre accès au portail famille – Ville de Vincey");
            assertThat(toGuardian.text()).startsWith("Bonjour Dominique,")
                    .contains("Les services de la mairie vous invitent", "choisissez votre mot de passe",
                            "inscrire vos enfants", "Demandez une nouvelle invitation à la mairie", "Mon profil",
                            "gérer l'accueil de vos enfants")
                    .doesNotContain("agent", "authentification");
            assertThat(toStaff.subject()).isEqualTo("Votre compte d'agent sur le portail famille – Ville de Vincey");
            assertThat(toStaff.text()).startsWith("Bonjour Claude,")
                    .contains("Un administrateur vous a ouvert un compte d'agent", "application d'authentification",
                            "codes de secours", "Demandez une nouvelle invitation à un administrateur",
                            "Les informations de votre compte d'agent")
                    .doesNotContain("inscrire vos enfants", "Mon profil", "l'accueil de vos enfants");
            assertThat(toStaff.html()).contains("Les informations de votre compte d'agent")
                    .doesNotContain("l'accueil de vos enfants");
            assertThat(toStaffInEnglish.subject())
                    .isEqualTo("Your staff account on the family portal – Ville de Vincey");
            assertThat(toStaffInEnglish.text()).contains("An administrator has opened a staff account for you",
                    "authenticator app", "The information in your staff account");
        }

        @ParameterizedTest(name = "{0} in {1}")
        @MethodSource("fr.marelle.notification.message.rendering.EmailRendererTest#everyTemplateInEveryLanguage")
        void a_message_whose_guardian_is_not_known_by_name_greets_without_one(MessageTemplate template,
                                                                                String language) throws Exception {
            if (!template.optionalParameters().contains("firstName")) {
                return;
            }
            Map<String, String> parameters = new HashMap<>(parametersOf(template));
            parameters.remove("firstName");
            RenderedEmail email = renderer.render(order(template, language, parameters));

            String greeting = language.equals("fr") ? "Bonjour," : "Hello,";
            assertThat(email.text()).startsWith(greeting);
            assertThat(email.html()).contains(">" + greeting + "</p>").doesNotContain("null");
        }

        @Test
        void the_previous_address_is_told_how_to_log_in_now_not_where_messages_will_go() throws Exception {
            RenderedEmail email = renderer.render(order(MessageTemplate.EMAIL_CHANGED_NOTICE, "fr",
                    parametersOf(MessageTemplate.EMAIL_CHANGED_NOTICE)));

            assertThat(email.text()).contains("c'est désormais avec elle que vous vous connectez")
                    .doesNotContain("Nos prochains messages");
        }

        @Test
        void parameters_are_escaped_in_html_and_left_as_written_in_text() throws Exception {
            Map<String, String> parameters = new HashMap<>(parametersOf(MessageTemplate.ACCOUNT_REFUSED));
            parameters.put("reason", "Pièce <b>illisible</b> & incomplète");
            RenderedEmail email = renderer.render(order(MessageTemplate.ACCOUNT_REFUSED, "fr", parameters));

            assertThat(email.html()).contains("Pièce &lt;b&gt;illisible&lt;/b&gt; &amp; incomplète")
                    .doesNotContain("<b>illisible");
            assertThat(email.text()).contains("« Pièce <b>illisible</b> & incomplète »");
        }

        @Test
        void the_attempt_on_an_existing_address_greets_by_name_only_when_the_name_is_known() throws Exception {
            RenderedEmail anonymous = renderer.render(order(MessageTemplate.REGISTRATION_ATTEMPT_ON_EXISTING, "en",
                    Map.of()));
            RenderedEmail named = renderer.render(order(MessageTemplate.REGISTRATION_ATTEMPT_ON_EXISTING, "en",
                    Map.of("firstName", "Camille")));

            assertThat(anonymous.text()).startsWith("Hello,");
            assertThat(named.text()).startsWith("Hello Camille,");
        }

        @Test
        void any_language_other_than_english_is_written_in_french() throws Exception {
            RenderedEmail email = renderer.render(order(MessageTemplate.ACCOUNT_ACTIVATED, "de",
                    parametersOf(MessageTemplate.ACCOUNT_ACTIVATED)));

            assertThat(email.language()).isEqualTo("fr");
            assertThat(email.subject()).isEqualTo("Votre compte est activé – Ville de Vincey");
        }
    }

    @Nested
    class Failures {

        @Test
        void a_link_the_provider_cannot_give_fails_the_rendering_with_its_reason() {
            EmailRenderer withoutLinks = new EmailRenderer(TOWN, PORTAL, LinkProvider.unavailable("aucune clé"));

            assertThatThrownBy(() -> withoutLinks.render(order(MessageTemplate.PASSWORD_RESET, "fr",
                    parametersOf(MessageTemplate.PASSWORD_RESET))))
                    .isInstanceOf(LinkUnavailableException.class)
                    .hasMessageContaining(LinkKind.PASSWORD_RESET.name())
                    .satisfies(e -> assertThat(((LinkUnavailableException) e).isPermanent()).isFalse());
        }

        @Test
        void a_link_that_is_not_an_absolute_web_address_is_refused() {
            EmailRenderer scripted = new EmailRenderer(TOWN, PORTAL,
                    request -> new ResolvedLink("javascript:alert(1)", null));

            assertThatThrownBy(() -> scripted.render(order(MessageTemplate.VERIFY_EMAIL, "fr",
                    parametersOf(MessageTemplate.VERIFY_EMAIL))))
                    .isInstanceOf(LinkUnavailableException.class)
                    .hasMessageNotContaining("javascript");
        }

        @Test
        void a_provider_that_crashes_is_an_unavailable_link_whose_reason_does_not_quote_it() {
            EmailRenderer crashing = new EmailRenderer(TOWN, PORTAL, request -> {
                throw new IllegalStateException("token=abc " + SECRET_LINK);
            });

            assertThatThrownBy(() -> crashing.render(order(MessageTemplate.VERIFY_EMAIL, "fr",
                    parametersOf(MessageTemplate.VERIFY_EMAIL))))
                    .isInstanceOf(LinkUnavailableException.class)
                    .hasMessageNotContaining(SECRET_LINK);
        }

        @Test
        void an_unknown_template_cannot_be_rendered() {
            DeliveryOrder unknown = new DeliveryOrder(new MessageId(UUID.randomUUID()), 1, "f", Channel.EMAIL,
                    "a@example.org", "GAZETTE", "fr", Map.of(), null);

            assertThatThrownBy(() -> renderer.render(unknown)).isInstanceOf(RenderingFailedException.class);
        }

        @Test
        void a_link_is_never_shown_by_the_objects_that_hold_it() throws Exception {
            RenderedEmail email = renderer.render(order(MessageTemplate.VERIFY_EMAIL, "fr",
                    parametersOf(MessageTemplate.VERIFY_EMAIL)));

            assertThat(email.toString()).doesNotContain(SECRET_LINK);
            assertThat(new ResolvedLink(SECRET_LINK, null).toString()).doesNotContain(SECRET_LINK);
        }
    }
}
