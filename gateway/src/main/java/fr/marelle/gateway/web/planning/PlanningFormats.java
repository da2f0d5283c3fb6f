package fr.marelle.gateway.web.planning;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** For the planning templates ({@code ${@planningFormats.…}}): dates in words, amounts in euros. */
@Component("planningFormats")
public class PlanningFormats {

    public static String longDate(LocalDate date) {
        Locale locale = LocaleContextHolder.getLocale();
        return date.format(DateTimeFormatter.ofPattern("en".equals(locale.getLanguage()) ? "EEEE d MMMM yyyy"
                : "EEEE d MMMM yyyy", locale));
    }

    public String day(String iso) {
        return iso == null || iso.isBlank() ? "" : longDate(LocalDate.parse(iso));
    }

    public String shortDay(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return LocalDate.parse(iso).format(DateTimeFormatter.ofPattern("EEE d MMM", locale));
    }

    public String date(String iso) {
        return iso == null || iso.isBlank() ? "" : LocalDate.parse(iso).format(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(Locale.FRANCE));
    }

    /** Cents as "1,90 €" (or "€1.90" in English). */
    public String euros(Long cents) {
        if (cents == null) {
            return "";
        }
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        String amount = String.format(Locale.ROOT, "%d%s%02d", cents / 100, english ? "." : ",", Math.abs(cents % 100));
        return english ? "€" + amount : amount + "\u00a0€";
    }

    public String dayName(String weekday) {
        return java.time.DayOfWeek.valueOf(weekday).getDisplayName(java.time.format.TextStyle.FULL,
                LocaleContextHolder.getLocale());
    }
}
