package fr.marelle.wallet.payment.provider;

import java.util.Locale;
import java.util.Map;

/** A notification as it arrived over HTTP: headers (names in lower case), the raw body, who sent it. */
public record IncomingNotification(Map<String, String> headers, byte[] body, String remoteAddress) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
