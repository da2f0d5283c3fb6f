package fr.marelle.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Escaping for the mail page: everything a mail contains is untrusted text. */
final class Html {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'()\\[\\]{}]+[^\\s<>\"'()\\[\\]{}.,;:!?]");

    private Html() {
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Escapes the text and makes its http(s) links clickable (a local confirmation link is what one usually looks
     * for in a mail). Only those two schemes: a {@code javascript:} URL stays text.
     */
    static String escapeWithLinks(String text) {
        StringBuilder html = new StringBuilder(text.length() + 64);
        Matcher matcher = LINK.matcher(text);
        int last = 0;
        while (matcher.find()) {
            html.append(escape(text.substring(last, matcher.start())));
            String url = escape(matcher.group());
            html.append("<a href=\"").append(url).append("\" rel=\"noreferrer\">").append(url).append("</a>");
            last = matcher.end();
        }
        return html.append(escape(text.substring(last))).toString();
    }

    /** A JSON string literal; also escapes {@code < > &} so that the JSON is inert if ever served as HTML. */
    static String jsonString(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
