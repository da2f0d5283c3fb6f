package fr.marelle.gateway.web.wallet;

import fr.marelle.gateway.services.wallet.WalletClient.Movement;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * For the wallet templates ({@code ${@walletFormats.…}}): amounts in cents written in euros in the visitor's
 * language, signed for movements; what a movement paid for or where its money came from, in words; who recorded it;
 * a payment's state as a badge (words and colour, never colour alone).
 */
@Component("walletFormats")
public class WalletFormats {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String MINUS = "\u2212";

    private final Texts texts;

    WalletFormats(Texts texts) {
        this.texts = texts;
    }

    public String euros(long cents) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(Currency.getInstance("EUR"));
        String text = format.format(BigDecimal.valueOf(Math.abs(cents), 2));
        return cents < 0 ? MINUS + text : text;
    }

    /** A movement's amount: "+ 50,00 €" in, "− 1,90 €" out. */
    public String signed(long cents) {
        return (cents < 0 ? MINUS + " " : "+ ") + euros(Math.abs(cents));
    }

    public String dateTime(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(PARIS).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
    }

    public String isoDateTime(OffsetDateTime at) {
        return at == null ? "" : at.toInstant().toString();
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    /** What a movement paid for ("Garderie soir – Léa – 07/09/2026") or where its money came from. */
    public String label(Movement m) {
        if (m.isCharge()) {
            StringBuilder label = new StringBuilder(m.serviceName() != null && !m.serviceName().isBlank()
                    ? m.serviceName() : texts.get("wallet.charge.service"));
            if (m.childFirstName() != null && !m.childFirstName().isBlank()) {
                label.append(" – ").append(m.childFirstName());
            }
            if (m.serviceDate() != null) {
                label.append(" – ").append(date(m.serviceDate()));
            }
            return label.toString();
        }
        String reference = m.reference() == null ? "" : m.reference();
        String issuer = m.issuer() == null || m.issuer().isBlank() ? "" : " (" + m.issuer() + ")";
        return switch (m.kind()) {
            case "TOP_UP" -> texts.get("wallet.kind.TOP_UP");
            case "CESU_CHEQUE" -> texts.get("wallet.kind.CESU_CHEQUE", reference) + issuer;
            case "CHEQUE" -> texts.get("wallet.kind.CHEQUE", reference) + issuer;
            case "REFUND" -> reference.isBlank() ? texts.get("wallet.kind.REFUND")
                    : texts.get("wallet.kind.REFUND.reference", reference);
            default -> texts.getOrDefault("wallet.kind." + m.kind(), m.kind());
        };
    }

    /** Who recorded a movement, for staff: the family, a role, or the portal itself. */
    public String actor(Movement m) {
        String role = m.actorRole() == null ? "" : m.actorRole();
        if (!"SYSTEM".equals(role)) {
            return texts.getOrDefault("wallet.actor." + role, role);
        }
        String id = m.actorId() == null ? "" : m.actorId();
        if (id.startsWith("system:payment-")) {
            return texts.get("wallet.actor.provider");
        }
        if (id.equals("system:wallet-reconciliation")) {
            return texts.get("wallet.actor.reconciliation");
        }
        return m.isCharge() ? texts.get("wallet.actor.billing") : texts.get("wallet.actor.portal");
    }

    public String paymentStatus(String status) {
        return texts.getOrDefault("wallet.payment.status." + status, status);
    }

    public String paymentBadge(String status) {
        return switch (status == null ? "" : status) {
            case "SUCCEEDED" -> "badge--sent";
            case "PENDING", "STARTED" -> "badge--queued";
            default -> "badge--failed";
        };
    }

    private static Locale locale() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.UK : Locale.FRANCE;
    }
}
