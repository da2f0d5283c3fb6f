package fr.marelle.gateway.web;

import fr.marelle.platform.validation.PhoneNumbers;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** For the templates ({@code ${@formats.phone(…)}}): phones as the French write them, times in Europe/Paris. */
@Component("formats")
public class Formats {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String phone(String e164) {
        return e164 == null || e164.isBlank() ? "" : PhoneNumbers.toNational(e164);
    }

    public String dateTime(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(PARIS).format(DATE_TIME);
    }

    public String dateTimeIso(String iso) {
        return iso == null || iso.isBlank() ? "" : dateTime(OffsetDateTime.parse(iso));
    }

    public String date(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(PARIS).format(DATE);
    }
}
