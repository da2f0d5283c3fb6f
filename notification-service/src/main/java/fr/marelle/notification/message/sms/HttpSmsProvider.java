package fr.marelle.notification.message.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.marelle.notification.message.DeliveryFailureCode;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The SMS gateway over HTTP: one JSON POST per SMS, in the shape of Brevo's transactional SMS API, which other
 * French providers' REST APIs resemble (a sender, a recipient, a content, a type), so that a town points
 * {@code MARELLE_SMS_URL} at its provider, or at a small relay in front of it:
 *
 * <pre>
 * POST {marelle.sms.http.url}
 * Content-Type: application/json              api-key: {key}          Idempotency-Key: {message id}
 * {"sender": "VINCEY", "recipient": "+33612345678", "content": "…", "type": "transactional",
 *  "tag": "WALLET_BALANCE_LOW", "unicodeEnabled": false}
 *
 * 2xx {"reference": "…"} (or "messageId")      taken: the reference is kept with the message
 * 400, 422, other 4xx                          refused for good (the number, the text): the message fails at once
 * 401, 403 (credentials), 402 (no credit)      refused until someone acts: retried with the back-off
 * 408, 429, 5xx, no answer, no connection      unavailable: retried with the back-off
 * </pre>
 *
 * The same message id is the {@code Idempotency-Key} of every attempt: a gateway that honours it (the launcher's
 * sandbox does) sends a retried SMS once. Never called inside a database transaction.
 */
public class HttpSmsProvider implements SmsProvider {

    private static final int REPLY_MAX = 200;

    private final SmsProperties.Http settings;
    private final String sender;
    private final HttpClient http;
    private final ObjectMapper json;

    public HttpSmsProvider(SmsProperties.Http settings, String sender, ObjectMapper json) {
        if (!settings.configured()) {
            throw new IllegalArgumentException("marelle.sms.http.url is not set");
        }
        this.settings = settings;
        this.sender = sender;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                // HTTP/2 over TLS when the gateway offers it; plain HTTP/1.1 otherwise, without the cleartext
                // upgrade offer (h2c) that no SMS gateway takes
                .version("http".equalsIgnoreCase(settings.url().getScheme())
                        ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public SmsReceipt send(SmsRequest sms) throws SmsDeliveryException {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An SMS gateway call inside a database transaction (see ADR 0004)");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", sms.messageId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(sms)));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            if ("Authorization".equalsIgnoreCase(settings.apiKeyHeader())) {
                request.header("Authorization", "Bearer " + settings.apiKey().strip());
            } else {
                request.header(settings.apiKeyHeader(), settings.apiKey().strip());
            }
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new SmsDeliveryException(DeliveryFailureCode.SMS_UNAVAILABLE, false,
                    "Passerelle SMS injoignable (" + settings.url().getHost() + ")", e);
        } catch (HttpTimeoutException e) {
            throw new SmsDeliveryException(DeliveryFailureCode.SMS_UNAVAILABLE, false,
                    "Pas de réponse de la passerelle SMS en " + settings.timeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw new SmsDeliveryException(DeliveryFailureCode.SMS_UNAVAILABLE, false,
                    "Passerelle SMS injoignable : " + shorten(e.toString()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsDeliveryException(DeliveryFailureCode.SMS_UNAVAILABLE, false, "Envoi interrompu", e);
        }
        return outcome(response.statusCode(), response.body());
    }

    byte[] body(SmsRequest sms) {
        ObjectNode body = json.createObjectNode();
        body.put("sender", sender);
        body.put("recipient", settings.recipientFormat() == SmsProperties.RecipientFormat.DIGITS
                ? sms.recipient().replace("+", "") : sms.recipient());
        body.put("content", sms.text().text());
        body.put("type", "transactional");
        body.put("tag", sms.tag());
        body.put("unicodeEnabled", sms.text().encoding() == SmsText.Encoding.UCS_2);
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the gateway's answer means for the message. */
    SmsReceipt outcome(int status, String body) throws SmsDeliveryException {
        if (status >= 200 && status < 300) {
            JsonNode answer = parse(body);
            String reference = answer.path("reference").asText(null);
            if (reference == null || reference.isBlank()) {
                reference = answer.path("messageId").asText(null);
            }
            return new SmsReceipt(reference == null ? null : shorten(reference), "HTTP " + status
                    + (answer.has("smsCount") ? ", " + answer.path("smsCount").asInt() + " SMS" : ""));
        }
        String detail = "HTTP " + status + detail(body);
        if (status == 401 || status == 403) {
            throw new SmsDeliveryException(DeliveryFailureCode.SMS_REJECTED, false,
                    "Identifiants refusés par la passerelle SMS (vérifiez MARELLE_SMS_API_KEY) : " + detail, null);
        }
        if (status == 402) {
            throw new SmsDeliveryException(DeliveryFailureCode.SMS_REJECTED, false,
                    "Crédit SMS épuisé chez le fournisseur : " + detail, null);
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new SmsDeliveryException(DeliveryFailureCode.SMS_UNAVAILABLE, false,
                    "Passerelle SMS indisponible : " + detail, null);
        }
        throw new SmsDeliveryException(DeliveryFailureCode.SMS_REJECTED, true,
                "SMS refusé par la passerelle : " + detail, null);
    }

    private String detail(String body) {
        JsonNode answer = parse(body);
        String text = answer.path("message").asText(answer.path("detail").asText(answer.path("code").asText("")));
        return text.isBlank() ? "" : " " + shorten(text);
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    @Override
    public Duration longestCall() {
        return settings.connectTimeout().plus(settings.timeout());
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= REPLY_MAX ? line : line.substring(0, REPLY_MAX) + "…";
    }

    @Override
    public String toString() {
        return "HttpSmsProvider[" + settings.url() + "]";
    }
}
