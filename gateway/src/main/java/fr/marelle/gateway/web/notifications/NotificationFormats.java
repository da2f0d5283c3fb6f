package fr.marelle.gateway.web.notifications;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** For the notifications templates ({@code ${@notificationFormats.euros(1500)}}): amounts as the reader writes them. */
@Component("notificationFormats")
public class NotificationFormats {

    /** 1500 → "15,00 €" in French, "€15.00" in English. */
    public String euros(Long cents) {
        if (cents == null) {
            return "";
        }
        long abs = Math.abs(cents);
        String sign = cents < 0 ? "-" : "";
        String whole = Long.toString(abs / 100);
        String rest = String.format("%02d", abs % 100);
        return "en".equals(LocaleContextHolder.getLocale().getLanguage())
                ? sign + "€" + whole + "." + rest : sign + whole + "," + rest + "\u00a0€";
    }
}
