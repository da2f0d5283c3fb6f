package fr.marelle.notification.message.rendering;

import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.DeliveryOrder;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.MessageTemplate;
import fr.marelle.notification.message.sms.SmsText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every SMS in both languages, within its segments, with ordinary values and with unusually long ones. */
class SmsRendererTest {

    static final PortalProperties PORTAL = new PortalProperties("https://famille.vincey.fr");
    final SmsRenderer renderer = new SmsRenderer(EmailRendererTest.TOWN, PORTAL, 2);
    final SmsRenderer oneSegment = new SmsRenderer(EmailRendererTest.TOWN, PORTAL, 1);

    static Stream<Arguments> everySmsInEveryLanguage() {
        List<Arguments> all = new ArrayList<>();
        for (MessageTemplate template : MessageTemplate.values()) {
            if (template.supports(Channel.SMS)) {
                all.add(Arguments.of(template, "fr"));
                all.add(Arguments.of(template, "en"));
            }
        }
        return all.stream();
    }

    static DeliveryOrder order(MessageTemplate template, String language, Map<String, String> parameters) {
        return new DeliveryOrder(new MessageId(UUID.randomUUID()), 1, UUID.randomUUID().toString(), Channel.SMS,
                "+33612345678", template.name(), language, parameters, null);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everySmsInEveryLanguage")
    void every_sms_names_the_town_and_fits_one_segment_with_ordinary_values(MessageTemplate template,
                                                                          String language) {
        SmsText text = renderer.render(order(template, language, EmailRendererTest.parametersOf(template)));

        assertThat(text.text()).startsWith("Ville de Vincey").doesNotContain("${", "[(", "[#", "null", "\n");
        assertThat(text.encoding()).isEqualTo(SmsText.Encoding.GSM_7);
        assertThat(text.segments()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everySmsInEveryLanguage")
    void every_sms_stays_within_its_segments_whatever_the_length_of_its_free_text(MessageTemplate template,
                                                                                 String language) {
        Map<String, String> parameters = new HashMap<>(EmailRendererTest.parametersOf(template));
        for (String name : template.shortenableInSms()) {
            parameters.put(name, "Très long texte écrit par un agent : " + "une phrase de plus, ".repeat(30));
        }
        parameters.computeIfPresent("childName", (k, v) -> "Marie-Héloïse-Françoise");

        assertThat(renderer.render(order(template, language, parameters)).segments()).isLessThanOrEqualTo(2);
        assertThat(oneSegment.render(order(template, language, parameters)).segments()).isEqualTo(1);
    }

    @Test
    void a_long_reason_is_shortened_at_a_word_and_the_rest_of_the_sms_is_kept() {
        Map<String, String> parameters = new HashMap<>(EmailRendererTest.parametersOf(MessageTemplate.DOCUMENT_REJECTED));
        parameters.put("reason", "La fiche sanitaire n'est pas signée par un responsable légal et la page des "
                + "vaccinations manque : merci de la compléter avant la rentrée, de la signer, et de nous la renvoyer "
                + "au plus vite, faute de quoi l'enfant ne pourra pas être accueilli.");

        SmsText text = oneSegment.render(order(MessageTemplate.DOCUMENT_REJECTED, "fr", parameters));

        assertThat(text.segments()).isEqualTo(1);
        assertThat(text.text()).startsWith("Ville de Vincey : document refusé (Fiche sanitaire, Léa) : \"La fiche "
                + "sanitaire").contains("...\" Envoyez-en un nouveau sur https://famille.vincey.fr/mes-documents");
    }

    @Test
    void letters_outside_gsm_7_in_a_value_are_written_plainly_when_that_keeps_the_sms_in_fewer_segments() {
        Map<String, String> parameters = new HashMap<>(EmailRendererTest.parametersOf(MessageTemplate.DOCUMENT_REJECTED));
        parameters.put("documentTitle", "Attestation d'assurance scolaire");
        parameters.put("reason", "La pièce jointe n'est pas lisible : renvoyez une copie nette, s'il vous plaît, "
                + "la date de fin de validité doit être lisible.");

        SmsText text = renderer.render(order(MessageTemplate.DOCUMENT_REJECTED, "fr", parameters));

        assertThat(text.segments()).isLessThanOrEqualTo(2);
        assertThat(text.text()).contains("pièce jointe", "s'il vous plait").doesNotContain("î");
        assertThat(text.encoding()).isEqualTo(SmsText.Encoding.GSM_7);
    }

    @Test
    void an_email_only_message_has_no_sms() {
        assertThatThrownBy(() -> renderer.render(order(MessageTemplate.NEWSLETTER, "fr", Map.of("newsletterId", "x"))))
                .isInstanceOf(RenderingFailedException.class);
        assertThatThrownBy(() -> renderer.render(order(MessageTemplate.ACCOUNT_ACTIVATED, "fr", Map.of())))
                .isInstanceOf(RenderingFailedException.class);
    }
}
