package fr.marelle.accounts.credentials;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The CNIL's examples, applied literally. */
class PasswordPolicyTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Hirondelle-26!x       | ",
            "Vincey-2026!ab        | PASSWORD_COMMON",
            "Abcdefgh1!2           | PASSWORD_TOO_WEAK",
            "abcdefgh1!2X          | ",
            "Abcdefghij1234        | ",
            "abcdefghij12345       | PASSWORD_TOO_WEAK",
            "tartines et confiture  | ",
            "Abc1!                 | PASSWORD_TOO_WEAK",
            "Motdepasse2026!       | PASSWORD_COMMON",
            "camille-2026-ABC!     | PASSWORD_PERSONAL",
    })
    void a_password_is_judged_like_the_cnil_recommends(String password, String expectedCode) {
        var violation = PasswordPolicy.check("password", password.strip(), "camille", "Martin");
        if (expectedCode == null) {
            assertThat(violation).isEmpty();
        } else {
            assertThat(violation).get().extracting(v -> v.code()).isEqualTo(expectedCode);
        }
    }

    @ParameterizedTest
    @CsvSource({"'', REQUIRED"})
    void an_empty_password_is_required(String password, String code) {
        assertThat(PasswordPolicy.check("password", password).orElseThrow().code()).isEqualTo(code);
    }
}
