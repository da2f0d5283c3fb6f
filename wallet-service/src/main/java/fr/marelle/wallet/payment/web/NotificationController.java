package fr.marelle.wallet.payment.web;

import fr.marelle.wallet.payment.PaymentNotifications;
import fr.marelle.wallet.payment.provider.IncomingNotification;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where payment providers notify the wallet, server to server, without a service token (they are not Marelle): each
 * provider's adapter decides what to believe. 204 when the notification was applied or was already known; a problem
 * otherwise (403 not signed as it should be, 404 unknown payment, 422 not matching the payment, 503 the provider
 * could not confirm): the provider keeps what it did not get a 2xx for, and sends it again later.
 */
@RestController
class NotificationController {

    /** A notification is small; anything bigger is not one. */
    private static final int MAX_BODY = 64 * 1024;

    private final PaymentNotifications notifications;

    NotificationController(PaymentNotifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping("/payment-notifications/{provider}")
    ResponseEntity<Void> notify(@PathVariable String provider, HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return ResponseEntity.status(413).build();
        }
        if (body.length == 0 && !request.getParameterMap().isEmpty()) {
            // a form body the container already read into parameters (PayFiP posts idOp as a form)
            StringBuilder form = new StringBuilder();
            request.getParameterMap().forEach((name, values) -> {
                for (String value : values) {
                    form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                            .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            });
            body = form.toString().getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        notifications.receive(provider, new IncomingNotification(headers, body, request.getRemoteAddr()));
        return ResponseEntity.noContent().build();
    }
}
