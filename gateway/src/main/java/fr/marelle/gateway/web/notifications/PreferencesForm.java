package fr.marelle.gateway.web.notifications;

import fr.marelle.gateway.services.notifications.NotificationsClient.Kind;
import fr.marelle.gateway.services.notifications.NotificationsClient.Preferences;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Mes notifications" as posted: the kinds ticked by email and by SMS (a checkbox per kind and channel, its value the
 * kind), and the wallet's alert threshold as typed. Checkboxes not ticked are not posted: what is not in a list is
 * off.
 */
public class PreferencesForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /** The highest threshold wallet-service accepts, in cents (1 000,00 €). */
    static final long MAX_THRESHOLD_CENTS = 100_000;
    private static final Pattern AMOUNT = Pattern.compile("([0-9]{1,7})(?:[,.]([0-9]{1,2}))?");

    public List<String> email = new ArrayList<>();
    public List<String> sms = new ArrayList<>();
    public String threshold = "";

    static PreferencesForm of(Preferences preferences, Long thresholdCents) {
        PreferencesForm form = new PreferencesForm();
        for (Kind kind : preferences.kinds()) {
            if (kind.email()) {
                form.email.add(kind.kind());
            }
            if (kind.sms()) {
                form.sms.add(kind.kind());
            }
        }
        form.threshold = thresholdCents == null ? "" : plain(thresholdCents);
        return form;
    }

    public boolean byEmail(String kind) {
        return email != null && email.contains(kind);
    }

    public boolean bySms(String kind) {
        return sms != null && sms.contains(kind);
    }

    /**
     * The channels to save for every kind the page shows: only the channels each kind offers, and SMS only when the
     * family is offered SMS.
     */
    Map<String, Map<String, Boolean>> choices(Preferences preferences) {
        Map<String, Map<String, Boolean>> choices = new LinkedHashMap<>();
        for (Kind kind : preferences.kinds()) {
            Map<String, Boolean> channels = new LinkedHashMap<>();
            channels.put("email", byEmail(kind.kind()));
            channels.put("sms", kind.offersSms() && preferences.sms().available() && bySms(kind.kind()));
            choices.put(kind.kind(), channels);
        }
        return choices;
    }

    /** The form as the service now has it (for a page shown again after a save, before the read model follows). */
    Preferences applyTo(Preferences preferences) {
        List<Kind> kinds = new ArrayList<>();
        Map<String, Map<String, Boolean>> chosen = choices(preferences);
        for (Kind kind : preferences.kinds()) {
            Map<String, Boolean> channels = chosen.get(kind.kind());
            kinds.add(new Kind(kind.kind(), kind.offered(), channels.get("email"), channels.get("sms"),
                    kind.defaults()));
        }
        return new Preferences(preferences.familyId(), preferences.sms(), preferences.newsletterConsent(), kinds);
    }

    /** Cents typed as euros ("15", "15,5", "15,50", "15.50", "15 €"), or null when it is not an amount. */
    static Long cents(String typed) {
        if (typed == null) {
            return null;
        }
        String plain = typed.replace("€", "").replaceAll("[\\s\u00a0\u202f]", "");
        Matcher matcher = AMOUNT.matcher(plain);
        if (!matcher.matches()) {
            return null;
        }
        String decimals = matcher.group(2);
        long cents = decimals == null ? 0 : Long.parseLong(decimals.length() == 1 ? decimals + "0" : decimals);
        return Long.parseLong(matcher.group(1)) * 100 + cents;
    }

    /** 1500 → "15,00", as the field shows it. */
    static String plain(long cents) {
        return (cents / 100) + "," + String.format("%02d", Math.abs(cents % 100));
    }
}
