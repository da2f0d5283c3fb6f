package fr.marelle.gateway.web.wallet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of euros as people type it — "25", "25,5", "25,50", "25.50", "1 234,56", "25 €" — read into whole cents,
 * exactly (no floating point). Anything else is not an amount.
 */
final class Euros {

    private static final Pattern AMOUNT = Pattern.compile("([0-9]{1,7})(?:[,.]([0-9]{1,2}))?");

    private Euros() {
    }

    /** The cents typed, or null when the text is not an amount of euros. */
    static Long parse(String typed) {
        if (typed == null) {
            return null;
        }
        String plain = typed.replace("€", "").replace("EUR", "").replaceAll("[\\s\u00a0\u202f]", "");
        Matcher matcher = AMOUNT.matcher(plain);
        if (!matcher.matches()) {
            return null;
        }
        long euros = Long.parseLong(matcher.group(1));
        String decimals = matcher.group(2);
        long cents = decimals == null ? 0 : Long.parseLong(decimals.length() == 1 ? decimals + "0" : decimals);
        return euros * 100 + cents;
    }

    /** 123456 → "1234,56", as a field shows an amount back (no grouping, no sign, no currency). */
    static String plain(long cents) {
        return (cents / 100) + "," + String.format("%02d", Math.abs(cents % 100));
    }
}
