package fr.marelle.gateway.web.billing;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * For the billing templates ({@code ${@billingFormats.euros(…)}}): amounts in cents written in euros, dates and
 * months in the visitor's language and Paris time, and the badge of a charge's state (words and a colour, never the
 * colour alone).
 */
@Component("billingFormats")
public class BillingFormats {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public String euros(Long cents) {
        if (cents == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(BigDecimal.valueOf(cents, 2));
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    public String longDate(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale()));
    }

    public String dateTime(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(PARIS).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
    }

    public String month(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofPattern("MMMM yyyy", locale()));
    }

    public String days(List<LocalDate> dates) {
        return dates == null ? "" : dates.stream().map(d -> d.format(DateTimeFormatter.ofPattern("dd/MM")))
                .collect(Collectors.joining(", "));
    }

    /** A charge's state as a badge class of the design system. */
    public String badge(String status) {
        return switch (status == null ? "" : status) {
            case "SETTLED", "COMPLETED" -> "badge--sent";
            case "SCHEDULED", "RUNNING" -> "badge--queued";
            case "WAITLISTED", "INTERRUPTED", "INCOMPLETE" -> "badge--account-awaiting_activation";
            case "FAILED" -> "badge--failed";
            default -> "badge--account-none";
        };
    }

    private static Locale locale() {
        Locale locale = LocaleContextHolder.getLocale();
        return "en".equals(locale.getLanguage()) ? Locale.UK : Locale.FRANCE;
    }
}
