package fr.marelle.notification.message.rendering;

import fr.marelle.notification.message.BookingSummary;
import fr.marelle.notification.message.Language;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Amounts and dates as a message writes them, in its language; templates call it as {@code fmt}. Parameters carry
 * raw values (cents, ISO dates) so that the same message reads right in French and in English.
 */
public final class MessageFormats {

    private final String language;
    private final Locale locale;

    public MessageFormats(String language) {
        this.language = Language.normalise(language);
        this.locale = Language.ENGLISH.equals(this.language) ? Locale.UK : Locale.FRANCE;
    }

    private boolean english() {
        return Language.ENGLISH.equals(language);
    }

    /** Cents as euros: "14,10 €" (with a no-break space) in French, "€14.10" in English; "-0,90 €" below zero. */
    public String money(String cents) {
        long value;
        try {
            value = Long.parseLong(cents.strip());
        } catch (RuntimeException e) {
            return cents;
        }
        String sign = value < 0 ? "-" : "";
        long abs = Math.abs(value);
        String euros = grouped(abs / 100);
        String rest = String.format("%02d", abs % 100);
        return english() ? sign + "€" + euros + "." + rest : sign + euros + "," + rest + "\u00A0€";
    }

    private String grouped(long euros) {
        String digits = Long.toString(euros);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(english() ? "," : "\u00A0");
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** "mardi 1er septembre 2026", "Tuesday 1 September 2026". */
    public String date(String iso) {
        LocalDate date = parse(iso);
        if (date == null) {
            return iso;
        }
        String weekday = date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
        return weekday + " " + dayOfMonth(date) + " " + month(date) + " " + date.getYear();
    }

    /** "01/09/2026", for SMS. */
    public String shortDate(String iso) {
        LocalDate date = parse(iso);
        return date == null ? iso : date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    /** An invoice's period: "septembre 2026" for a whole month, else "du 01/09/2026 au 15/09/2026". */
    public String period(String startIso, String endIso) {
        LocalDate start = parse(startIso);
        LocalDate end = parse(endIso);
        if (start == null || end == null) {
            return startIso + " – " + endIso;
        }
        YearMonth month = YearMonth.from(start);
        if (start.equals(month.atDay(1)) && end.equals(month.atEndOfMonth())) {
            return month(start) + " " + start.getYear();
        }
        String from = start.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String to = end.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        return english() ? from + " to " + to : "du " + from + " au " + to;
    }

    /** Days grouped by month: "1, 2, 4 et 5 septembre 2026 ; 1er octobre 2026". */
    public String days(List<LocalDate> dates) {
        List<String> months = new ArrayList<>();
        List<String> days = new ArrayList<>();
        YearMonth current = null;
        for (LocalDate date : dates.stream().sorted().toList()) {
            YearMonth month = YearMonth.from(date);
            if (current != null && !month.equals(current)) {
                months.add(joined(days) + " " + month(current.atDay(1)) + " " + current.getYear());
                days.clear();
            }
            current = month;
            days.add(dayOfMonth(date));
        }
        if (current != null) {
            months.add(joined(days) + " " + month(current.atDay(1)) + " " + current.getYear());
        }
        return String.join(english() ? "; " : " ; ", months);
    }

    public List<BookingSummary.Entry> bookings(String summary) {
        return BookingSummary.read(summary);
    }

    private String joined(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + (english() ? " and " : " et ")
                + items.get(items.size() - 1);
    }

    private String dayOfMonth(LocalDate date) {
        return !english() && date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth());
    }

    private String month(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.FULL, locale);
    }

    private static LocalDate parse(String iso) {
        try {
            return iso == null ? null : LocalDate.parse(iso.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
