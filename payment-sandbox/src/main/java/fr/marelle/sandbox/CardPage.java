package fr.marelle.sandbox;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The payer's side: the card page of a payment. It behaves like a bank's test page: a valid card number pays
 * (4242 4242 4242 4242), the documented refusal numbers are declined (4000 0000 0000 0002, 4000 0000 0000 9995), a
 * mistyped one is said so next to its field, and "Annuler" gives the payment up; the payer is then sent back to the
 * merchant. Only the last four digits of the card are kept.
 */
@Controller
class CardPage {

    static final Set<String> DECLINED = Set.of("4000000000000002", "4000000000009995");

    private final Payments payments;
    private final SandboxProperties properties;
    private final Clock clock;

    CardPage(Payments payments, SandboxProperties properties, Clock clock) {
        this.payments = payments;
        this.properties = properties;
        this.clock = clock;
    }

    static URI pageUrl(SandboxProperties properties, String id) {
        String base = properties.getPublicUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/paiement/" + id);
    }

    @GetMapping("/paiement/{id}")
    String page(@PathVariable String id, Model model, HttpServletResponse response) {
        Optional<Payment> payment = payments.find(id);
        if (payment.isEmpty()) {
            response.setStatus(404);
            return "unknown";
        }
        headers(response, payment.get());
        model.addAttribute("payment", payment.get());
        model.addAttribute("amount", euros(payment.get().amountCents()));
        if (!payment.get().isOpen()) {
            return "closed";
        }
        model.addAttribute("errors", Map.of());
        model.addAttribute("cardNumber", "");
        model.addAttribute("expiry", "");
        return "card";
    }

    @PostMapping("/paiement/{id}")
    String submit(@PathVariable String id, @RequestParam(name = "action", defaultValue = "pay") String action,
                  @RequestParam(name = "cardNumber", defaultValue = "") String cardNumber,
                  @RequestParam(name = "expiry", defaultValue = "") String expiry,
                  @RequestParam(name = "cvc", defaultValue = "") String cvc,
                  Model model, HttpServletResponse response) {
        Optional<Payment> found = payments.find(id);
        if (found.isEmpty()) {
            response.setStatus(404);
            return "unknown";
        }
        Payment payment = found.get();
        headers(response, payment);
        model.addAttribute("payment", payment);
        model.addAttribute("amount", euros(payment.amountCents()));
        if (!payment.isOpen()) {
            return "closed";
        }
        if ("cancel".equals(action)) {
            return settled(payments.settle(id, "CANCELLED", null), payment, model);
        }
        String digits = cardNumber.replaceAll("[\\s-]", "");
        Map<String, String> errors = new LinkedHashMap<>();
        if (!digits.matches("[0-9]{12,19}") || !luhn(digits)) {
            errors.put("cardNumber", "Numéro de carte invalide : vérifiez les 16 chiffres.");
        }
        if (!validExpiry(expiry)) {
            errors.put("expiry", "Date d'expiration invalide ou dépassée (MM/AA).");
        }
        if (!cvc.strip().matches("[0-9]{3}")) {
            errors.put("cvc", "Le cryptogramme compte 3 chiffres.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("errors", errors);
            model.addAttribute("cardNumber", cardNumber);
            model.addAttribute("expiry", expiry);
            return "card";
        }
        String outcome = DECLINED.contains(digits) ? "DECLINED" : "SUCCEEDED";
        return settled(payments.settle(id, outcome, digits.substring(digits.length() - 4)), payment, model);
    }

    private String settled(Optional<Payment> settled, Payment before, Model model) {
        if (settled.isEmpty()) {
            model.addAttribute("payment", payments.find(before.id()).orElse(before));
            return "closed";
        }
        return "redirect:" + before.returnUrl();
    }

    /**
     * No script at all, styles from this server, and forms may lead only here and back to the merchant (the redirect
     * after the choice goes to the merchant's page).
     */
    private static void headers(HttpServletResponse response, Payment payment) {
        URI back = URI.create(payment.returnUrl());
        String merchant = back.getScheme() + "://" + back.getAuthority();
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
                + "form-action 'self' " + merchant + "; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }

    private boolean validExpiry(String expiry) {
        String value = expiry.strip();
        if (!value.matches("(0[1-9]|1[0-2])/[0-9]{2}")) {
            return false;
        }
        YearMonth month = YearMonth.of(2000 + Integer.parseInt(value.substring(3)), Integer.parseInt(value.substring(0, 2)));
        return !month.isBefore(YearMonth.now(clock));
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    static String euros(long cents) {
        return String.format("%d,%02d €", cents / 100, cents % 100).replaceAll("(\\d)(?=(\\d{3})+,)", "$1 ");
    }
}
