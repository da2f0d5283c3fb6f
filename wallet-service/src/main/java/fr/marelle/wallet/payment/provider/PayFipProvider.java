package fr.marelle.wallet.payment.provider;

import fr.marelle.wallet.payment.PaymentOutcome;
import fr.marelle.wallet.wallet.Money;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PayFiP, the DGFiP's online payment service for towns, through its SOAP web service {@code PaiementSecuriseService}:
 * {@code creerPaiementSecurise} registers the payment and returns an operation id ({@code idOp}); the payer is sent to
 * PayFiP's page with it; {@code recupererDetailPaiementSecurise} reads the result ({@code resultrans}: P or V paid,
 * R refused, A abandoned). PayFiP's notification to {@code urlnotif} only names the operation and is not signed: it is
 * never trusted as such, the result is always read back from PayFiP.
 */
public final class PayFipProvider implements PaymentProvider {

    public static final String NAME = "PAYFIP";
    static final String NAMESPACE = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
            + "contrat_paiement_securise/PaiementSecuriseService";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter PAYFIP_TIME = DateTimeFormatter.ofPattern("ddMMyyyyHHmm");
    private static final Pattern CLIENT_NUMBER = Pattern.compile("[0-9]{6}");
    private static final Pattern OPERATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final PaymentProperties properties;
    private final PaymentProperties.PayFip payfip;
    private final HttpClient http;
    private final Clock clock;

    public PayFipProvider(PaymentProperties properties, Clock clock) {
        this.properties = properties;
        this.payfip = properties.getPayfip();
        if (payfip.getClientNumber() == null || !CLIENT_NUMBER.matcher(payfip.getClientNumber()).matches()) {
            throw new IllegalStateException("marelle.wallet.payments.payfip.client-number "
                    + "(MARELLE_WALLET_PAYMENTS_PAYFIP_CLIENTNUMBER) must be the régie's 6-digit PayFiP number");
        }
        if (!payfip.getMode().matches("[TXW]")) {
            throw new IllegalStateException("marelle.wallet.payments.payfip.mode must be T (test), X (activation) "
                    + "or W (production)");
        }
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderSession open(PaymentRequest request) throws ProviderUnavailableException {
        if (request.payerEmail() == null || request.payerEmail().isBlank()) {
            throw new ProviderUnavailableException("PayFiP needs the payer's email address (mel)");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("exer", Integer.toString(request.at().atZone(PARIS).getYear()));
        fields.put("mel", request.payerEmail().strip());
        fields.put("montant", Long.toString(request.amount().cents()));
        fields.put("numcli", payfip.getClientNumber());
        fields.put("objet", objet(request.description()));
        fields.put("refdet", refdet(request.paymentId().toString()));
        fields.put("saisie", payfip.getMode());
        fields.put("urlnotif", request.notificationUrl().toString());
        fields.put("urlredirect", request.returnUrl().toString());
        Element answer = call("creerPaiementSecurise", fields);
        String idOp = child(answer, "idOp");
        if (idOp == null || !OPERATION_ID.matcher(idOp).matches()) {
            throw new ProviderUnavailableException("PayFiP: no usable idOp in the answer of creerPaiementSecurise");
        }
        URI page = URI.create(payfip.getPaymentPageUrl() + "?idop=" + URLEncoder.encode(idOp, StandardCharsets.UTF_8));
        return new ProviderSession(idOp, page, request.at().plus(payfip.getSessionLifetime()));
    }

    @Override
    public ProviderReport status(ProviderQuery query) throws ProviderUnavailableException {
        if (query.reference() == null) {
            // PayFiP is asked by operation id only; without one, the payment never reached its page
            return new ProviderReport(null, PaymentOutcome.EXPIRED, query.amount(), clock.instant());
        }
        Element answer;
        try {
            answer = call("recupererDetailPaiementSecurise", Map.of("idOp", query.reference()));
        } catch (PayFipFault fault) {
            // no result for this operation yet: the payer is on PayFiP's page, or left it without paying
            return new ProviderReport(query.reference(), PaymentOutcome.PENDING, query.amount(), clock.instant());
        }
        String result = child(answer, "resultrans");
        PaymentOutcome outcome = switch (result == null ? "" : result.strip()) {
            case "P", "V" -> PaymentOutcome.SUCCEEDED;
            case "R" -> PaymentOutcome.DECLINED;
            case "A" -> PaymentOutcome.CANCELLED;
            default -> throw new ProviderUnavailableException("PayFiP: unknown resultrans " + result);
        };
        Money amount;
        try {
            amount = Money.ofCents(Long.parseLong(child(answer, "montant").strip()));
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("PayFiP: unreadable montant", e);
        }
        java.time.Instant at = clock.instant();
        String date = child(answer, "dattrans");
        String time = child(answer, "heurtrans");
        if (date != null && time != null) {
            try {
                at = LocalDateTime.parse(date.strip() + time.strip(), PAYFIP_TIME).atZone(PARIS).toInstant();
            } catch (RuntimeException ignored) {
                // the time of the transaction is information only
            }
        }
        return new ProviderReport(query.reference(), outcome, amount, at);
    }

    /** PayFiP posts {@code idOp} (form-encoded) to urlnotif; nothing in it is trusted but the id to ask about. */
    @Override
    public ProviderNotification read(IncomingNotification notification) throws RefusedNotificationException {
        String body = new String(notification.body(), StandardCharsets.UTF_8);
        String idOp = null;
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equalsIgnoreCase("idOp")) {
                idOp = URLDecoder.decode(kv[1], StandardCharsets.UTF_8).strip();
            }
        }
        if (idOp == null || !OPERATION_ID.matcher(idOp).matches()) {
            throw new RefusedNotificationException("NOTIFICATION_MALFORMED", "PayFiP notification without idOp");
        }
        return new ProviderNotification(idOp, null, Optional.empty());
    }

    private Element call(String operation, Map<String, String> fields) throws ProviderUnavailableException {
        StringBuilder envelope = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" ")
                .append("xmlns:pai=\"").append(NAMESPACE).append("\"><soapenv:Header/><soapenv:Body>")
                .append("<pai:").append(operation).append("><arg0>");
        fields.forEach((name, value) -> envelope.append('<').append(name).append('>').append(escape(value))
                .append("</").append(name).append('>'));
        envelope.append("</arg0></pai:").append(operation).append("></soapenv:Body></soapenv:Envelope>");
        HttpRequest request = HttpRequest.newBuilder(payfip.getUrl())
                .timeout(properties.getTimeout())
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ProviderUnavailableException("PayFiP unreachable at " + payfip.getUrl() + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted", e);
        }
        Document document = parse(response.body());
        Element body = first(document.getDocumentElement(), "Body");
        if (body == null) {
            throw new ProviderUnavailableException("PayFiP: answer " + response.statusCode() + " without a SOAP body");
        }
        Element fault = first(body, "Fault");
        if (fault != null) {
            String code = text(fault, "code");
            String label = text(fault, "libelle");
            throw new PayFipFault(code, label != null ? label : text(fault, "faultstring"));
        }
        if (response.statusCode() != 200) {
            throw new ProviderUnavailableException("PayFiP answered " + response.statusCode());
        }
        Element answer = first(body, "return");
        if (answer == null) {
            throw new ProviderUnavailableException("PayFiP: no return element in the answer to " + operation);
        }
        return answer;
    }

    private static Document parse(byte[] xml) throws ProviderUnavailableException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // never resolve entities or DTDs from an answer (XXE)
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new ProviderUnavailableException("PayFiP: unreadable answer", e);
        }
    }

    /** The first descendant element with this local name, whatever its namespace. */
    private static Element first(Element root, String localName) {
        NodeList all = root.getElementsByTagNameNS("*", localName);
        if (all.getLength() > 0) {
            return (Element) all.item(0);
        }
        NodeList plain = root.getElementsByTagName(localName);
        return plain.getLength() > 0 ? (Element) plain.item(0) : null;
    }

    private static String child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(local(element))) {
                return element.getTextContent();
            }
        }
        return null;
    }

    private static String text(Element root, String localName) {
        Element element = first(root, localName);
        return element == null ? null : element.getTextContent().strip();
    }

    private static String local(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** PayFiP's refdet: 6 to 30 letters and digits, unique per régie and year: ours from the payment id. */
    static String refdet(String paymentId) {
        return ("MAR" + paymentId.replace("-", "")).substring(0, 30).toUpperCase(java.util.Locale.ROOT);
    }

    /** PayFiP's objet: plain letters, digits and spaces, at most 100. */
    static String objet(String description) {
        String plain = Normalizer.normalize(description == null ? "" : description, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9 ]", " ").replaceAll(" +", " ").strip();
        return plain.length() > 100 ? plain.substring(0, 100) : plain;
    }

    /** A functional error PayFiP returns as a SOAP fault (unknown operation, no result yet, refused field). */
    static final class PayFipFault extends ProviderUnavailableException {
        private final String code;

        PayFipFault(String code, String label) {
            super("PayFiP fault " + code + ": " + label);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    @Override
    public String toString() {
        return "PayFipProvider[" + payfip.getUrl() + "]";
    }
}
