package fr.marelle.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void escapes_every_character_that_means_something_in_html() {
        assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void makes_http_links_clickable_and_leaves_other_schemes_as_text() {
        assertThat(Html.escapeWithLinks("Confirmez : http://localhost:8080/confirm?t=a&b=1. Merci"))
                .isEqualTo("Confirmez : <a href=\"http://localhost:8080/confirm?t=a&amp;b=1\" rel=\"noreferrer\">"
                        + "http://localhost:8080/confirm?t=a&amp;b=1</a>. Merci");
        assertThat(Html.escapeWithLinks("javascript:alert(1)")).doesNotContain("<a");
    }

    @Test
    void a_link_cannot_break_out_of_its_attribute() {
        assertThat(Html.escapeWithLinks("https://x.example/\"onmouseover=\"alert(1)"))
                .startsWith("<a href=\"https://x.example/\" rel=\"noreferrer\">")
                .contains("&quot;onmouseover=&quot;alert");
    }

    @Test
    void json_strings_are_escaped_and_inert_in_html() {
        assertThat(Html.jsonString("a\"b\\c\nd<e>&\u0001"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\u003ce\\u003e\\u0026\\u0001\"");
    }
}
