package fr.marelle.notification.message.sms;

import java.util.Map;
import java.util.Objects;

/**
 * The text of an SMS as the network counts it. A text made only of the GSM 03.38 alphabet is sent in GSM-7: 160
 * characters in one SMS, 153 per segment once split (the characters of the extension table, such as {@code €} or
 * {@code [}, count twice and are never split between segments). Any other character makes the whole text UCS-2: 70
 * characters in one SMS, 67 per segment once split (a character outside the Basic Multilingual Plane counts twice).
 *
 * <p>French needs care: é, è, à, ù are in GSM-7, but ê, â, î, ô, û, ë, ï, ç and the typographic apostrophe are not,
 * and one of them halves the room. {@link #fit(String, int)} keeps the text as written when that costs no more
 * segments, else writes those letters without their accent (ê → e, ç → c, ’ → '), and says whether the result fits.
 */
public record SmsText(String text, Encoding encoding, int units, int segments) {

    public enum Encoding { GSM_7, UCS_2 }

    /** Single SMS and per-segment capacities. */
    static final int GSM_SINGLE = 160;
    static final int GSM_SEGMENT = 153;
    static final int UCS_SINGLE = 70;
    static final int UCS_SEGMENT = 67;

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    /** French (and common typographic) characters outside GSM-7, written the way an SMS keyboard would. */
    private static final Map<Character, String> PLAIN = Map.ofEntries(
            Map.entry('â', "a"), Map.entry('ê', "e"), Map.entry('ë', "e"), Map.entry('î', "i"), Map.entry('ï', "i"),
            Map.entry('ô', "o"), Map.entry('û', "u"), Map.entry('ÿ', "y"), Map.entry('ç', "c"), Map.entry('á', "a"),
            Map.entry('í', "i"), Map.entry('ó', "o"), Map.entry('ú', "u"), Map.entry('ã', "a"), Map.entry('õ', "o"),
            Map.entry('À', "A"), Map.entry('Â', "A"), Map.entry('È', "E"), Map.entry('Ê', "E"), Map.entry('Ë', "E"),
            Map.entry('Î', "I"), Map.entry('Ï', "I"), Map.entry('Ô', "O"), Map.entry('Ù', "U"), Map.entry('Û', "U"),
            Map.entry('Ÿ', "Y"), Map.entry('Œ', "OE"), Map.entry('œ', "oe"),
            Map.entry('\u2019', "'"), Map.entry('\u2018', "'"), Map.entry('\u02BC', "'"), Map.entry('`', "'"),
            Map.entry('\u201C', "\""), Map.entry('\u201D', "\""), Map.entry('«', "\""), Map.entry('»', "\""),
            Map.entry('\u2013', "-"), Map.entry('\u2014', "-"), Map.entry('\u2026', "..."),
            Map.entry('\u00A0', " "), Map.entry('\u202F', " "), Map.entry('\u2009', " "), Map.entry('\t', " "));

    public SmsText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(encoding, "encoding");
    }

    /** The text as it would be sent: its encoding, size in units (septets or UTF-16 units) and segments. */
    public static SmsText of(String text) {
        Encoding encoding = isGsm7(text) ? Encoding.GSM_7 : Encoding.UCS_2;
        return new SmsText(text, encoding, units(text, encoding), segments(text, encoding));
    }

    /**
     * The cheaper of the text as written and the text with its non-GSM letters written plainly: as written when it
     * takes no more segments. The caller shortens it if {@link #fitsIn(int)} is false.
     */
    public static SmsText fit(String text, int maxSegments) {
        SmsText asWritten = of(tidy(text));
        if (asWritten.encoding() == Encoding.GSM_7) {
            return asWritten;
        }
        SmsText plain = of(plain(asWritten.text()));
        return plain.segments() < asWritten.segments() ? plain : asWritten;
    }

    public boolean fitsIn(int maxSegments) {
        return segments <= maxSegments;
    }

    /**
     * The text cut to fit in {@code maxSegments}: at the last space that leaves room for "…" (or "..." in GSM-7),
     * never inside a word unless a single word is longer than the room.
     */
    public static SmsText truncate(String text, int maxSegments) {
        SmsText fitted = fit(text, maxSegments);
        if (fitted.fitsIn(maxSegments)) {
            return fitted;
        }
        String written = fitted.text();
        String ellipsis = fitted.encoding() == Encoding.GSM_7 ? "..." : "…";
        int low = 0;
        int high = written.length();
        // the longest prefix that fits with the ellipsis (units grow with the prefix: binary search)
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (of(written.substring(0, middle).stripTrailing() + ellipsis).segments() <= maxSegments) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        String prefix = written.substring(0, low);
        int space = prefix.lastIndexOf(' ');
        if (space > low / 2) {
            prefix = prefix.substring(0, space);
        }
        return of(prefix.stripTrailing() + ellipsis);
    }

    /** One line of single spaces: SMS have no room for layout. */
    static String tidy(String text) {
        return text.replaceAll("[\\s\\u00A0\\u202F]+", " ").strip();
    }

    static String plain(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = PLAIN.get(c);
            plain.append(replacement != null ? replacement : String.valueOf(c));
        }
        return plain.toString();
    }

    static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int units(String text, Encoding encoding) {
        if (encoding == Encoding.UCS_2) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return septets;
    }

    /** Segments, filled greedily: a two-septet character or a surrogate pair is never split between two. */
    private static int segments(String text, Encoding encoding) {
        boolean gsm = encoding == Encoding.GSM_7;
        int total = units(text, encoding);
        if (total == 0) {
            return 1;
        }
        if (total <= (gsm ? GSM_SINGLE : UCS_SINGLE)) {
            return 1;
        }
        int room = gsm ? GSM_SEGMENT : UCS_SEGMENT;
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int size;
            if (gsm) {
                size = GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                size = 2;
                i++;
            } else {
                size = 1;
            }
            if (used + size > room) {
                segments++;
                used = 0;
            }
            used += size;
        }
        return segments;
    }

    @Override
    public String toString() {
        return "SmsText[" + encoding + ", " + units + " units, " + segments + " segment(s)]";
    }
}
