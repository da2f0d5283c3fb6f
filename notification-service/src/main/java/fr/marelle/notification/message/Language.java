package fr.marelle.notification.message;

import java.util.Locale;

/** The languages messages are written in: French by default, English on request. */
public final class Language {

    public static final String FRENCH = "fr";
    public static final String ENGLISH = "en";

    private Language() {
    }

    /** {@code en} for any English tag ({@code en}, {@code en-GB}…), {@code fr} for anything else, null included. */
    public static String normalise(String language) {
        if (language != null && language.strip().toLowerCase(Locale.ROOT).startsWith(ENGLISH)) {
            return ENGLISH;
        }
        return FRENCH;
    }
}
