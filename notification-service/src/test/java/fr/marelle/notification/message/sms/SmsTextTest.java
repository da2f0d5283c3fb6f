package fr.marelle.notification.message.sms;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SMS counted as the network counts them: GSM-7 or UCS-2, one or two segments, French written to fit. */
class SmsTextTest {

    @Nested
    class Counting {

        @Test
        void a_text_of_the_gsm_alphabet_is_gsm_7_and_holds_160_characters_in_one_sms() {
            SmsText text = SmsText.of("a".repeat(160));

            assertThat(text.encoding()).isEqualTo(SmsText.Encoding.GSM_7);
            assertThat(text.units()).isEqualTo(160);
            assertThat(text.segments()).isEqualTo(1);
            assertThat(SmsText.of("a".repeat(161)).segments()).isEqualTo(2);
            assertThat(SmsText.of("a".repeat(306)).segments()).isEqualTo(2);
            assertThat(SmsText.of("a".repeat(307)).segments()).isEqualTo(3);
        }

        @Test
        void french_accents_e_grave_e_acute_a_grave_and_u_grave_are_in_gsm_7() {
            assertThat(SmsText.of("Réservé à l'école, où ? Très bien. Ça va.").encoding())
                    .isEqualTo(SmsText.Encoding.GSM_7);
        }

        @Test
        void the_euro_sign_and_brackets_are_gsm_7_but_count_twice() {
            SmsText text = SmsText.of("14,10 € [x]");

            assertThat(text.encoding()).isEqualTo(SmsText.Encoding.GSM_7);
            assertThat(text.units()).isEqualTo(14);
            assertThat(SmsText.of("€".repeat(80)).segments()).isEqualTo(1);
            assertThat(SmsText.of("€".repeat(81)).segments()).isEqualTo(2);
        }

        @Test
        void a_two_septet_character_is_never_split_between_segments() {
            // 152 septets, then a euro sign (2 septets) that would straddle the first segment's end: 306 septets,
            // which would make two full segments if the sign could be split, take three
            String text = "a".repeat(152) + "€" + "a".repeat(152);
            assertThat(SmsText.of(text).units()).isEqualTo(306);
            assertThat(SmsText.of(text).segments()).isEqualTo(3);
        }

        @Test
        void one_character_outside_gsm_7_makes_the_whole_text_ucs_2_with_70_characters_in_one_sms() {
            SmsText text = SmsText.of("Fête de l'école");

            assertThat(text.encoding()).isEqualTo(SmsText.Encoding.UCS_2);
            assertThat(SmsText.of("ê" + "a".repeat(69)).segments()).isEqualTo(1);
            assertThat(SmsText.of("ê" + "a".repeat(70)).segments()).isEqualTo(2);
            assertThat(SmsText.of("ê" + "a".repeat(133)).segments()).isEqualTo(2);
            assertThat(SmsText.of("ê" + "a".repeat(134)).segments()).isEqualTo(3);
        }

        @Test
        void a_character_outside_the_basic_plane_counts_two_ucs_2_units() {
            assertThat(SmsText.of("\uD83D\uDE00").units()).isEqualTo(2);
        }
    }

    @Nested
    class Fitting {

        @Test
        void a_text_that_fits_as_written_is_kept_as_written() {
            String written = "Fête de l'école samedi.";
            assertThat(SmsText.fit(written, 2).text()).isEqualTo(written);
            assertThat(SmsText.fit(written, 2).encoding()).isEqualTo(SmsText.Encoding.UCS_2);
        }

        @Test
        void french_letters_outside_gsm_7_are_written_plainly_when_that_saves_a_segment() {
            String written = "Fête de l'école à la forêt, goûter prévu, ça sera très bien. " + "a".repeat(40);
            assertThat(SmsText.of(written).segments()).isEqualTo(2);

            SmsText fitted = SmsText.fit(written, 2);

            assertThat(fitted.encoding()).isEqualTo(SmsText.Encoding.GSM_7);
            assertThat(fitted.segments()).isEqualTo(1);
            assertThat(fitted.text()).startsWith("Fete de l'école à la foret, gouter prévu, ca sera très bien.");
        }

        @Test
        void typographic_quotes_dashes_and_no_break_spaces_become_their_plain_forms() {
            assertThat(SmsText.fit("« l’école » – 14,10\u00a0€…" + "x".repeat(120), 2).text())
                    .isEqualTo("\" l'école \" - 14,10 €..." + "x".repeat(120));
        }

        @Test
        void layout_is_one_line_of_single_spaces() {
            assertThat(SmsText.fit("  Ville de Vincey :\n  le solde\test bas.  ", 2).text())
                    .isEqualTo("Ville de Vincey : le solde est bas.");
        }

        @Test
        void a_text_too_long_is_cut_at_a_word_with_an_ellipsis_within_the_segments() {
            String words = "mot ".repeat(120);

            SmsText cut = SmsText.truncate(words, 2);

            assertThat(cut.segments()).isEqualTo(2);
            assertThat(cut.units()).isLessThanOrEqualTo(306);
            assertThat(cut.text()).endsWith("mot...").doesNotContain("  ");
            assertThat(SmsText.truncate(words, 1).units()).isLessThanOrEqualTo(160);
        }

        @Test
        void a_ucs_2_text_too_long_is_cut_with_a_true_ellipsis() {
            SmsText cut = SmsText.truncate("\uD83D\uDE00 " + "mot ".repeat(60), 1);

            assertThat(cut.encoding()).isEqualTo(SmsText.Encoding.UCS_2);
            assertThat(cut.segments()).isEqualTo(1);
            assertThat(cut.text()).endsWith("mot…");
        }

        @Test
        void the_text_is_never_shown_by_the_object_that_holds_it() {
            assertThat(SmsText.of("Solde 14,10 € pour Camille").toString()).doesNotContain("Camille");
        }
    }
}
