package fr.marelle.wallet.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SOAP server speaking PayFiP's {@code PaiementSecuriseService} as the DGFiP documents it:
 * {@code creerPaiementSecurise} (arg0: exer, mel, montant, numcli, objet, refdet, saisie, urlnotif, urlredirect →
 * return/idOp) and {@code recupererDetailPaiementSecurise} (arg0: idOp → return: dattrans, heurtrans, exer, idOp, mel,
 * montant, numcli, objet, refdet, resultrans, saisie), with PayFiP's SOAP fault (FonctionnelleErreur) for an
 * operation without a result. The test plays the payer on PayFiP's page ({@link #pay}).
 */
public final class SimulatedPayFip {

    static final String NAMESPACE = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
            + "contrat_paiement_securise/PaiementSecuriseService";
    private static SimulatedPayFip shared;

    /** A call received: the operation and its arg0 fields. */
    public record Call(String operation, Map<String, String> fields) {
    }

    private final HttpServer server;
    private final Map<String, Map<String, String>> operations = new ConcurrentHashMap<>();
    private final Map<String, String> results = new ConcurrentHashMap<>();
    private final Map<String, String> rawAnswers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    private SimulatedPayFip(HttpServer server) {
        this.server = server;
    }

    public static synchronized SimulatedPayFip shared() {
        if (shared == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                shared = new SimulatedPayFip(server);
                server.createContext("/tpa/services/securite", shared::handle);
                server.start();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String serviceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tpa/services/securite";
    }

    public String pageUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tpa/paiementws.web";
    }

    public List<Call> calls() {
        return calls;
    }

    public void down(boolean isDown) {
        down = isDown;
    }

    /** The payer's result on PayFiP's page: P (paid), R (refused), A (abandoned). */
    public void pay(String idOp, String resultrans) {
        results.put(idOp, resultrans);
    }

    /** Answers this raw body to the next questions about the operation (a hostile or broken answer). */
    public void answerRaw(String idOp, String body) {
        rawAnswers.put(idOp, body);
    }

    public Map<String, String> operation(String idOp) {
        return operations.get(idOp);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                respond(exchange, 500, "<html>Service indisponible</html>", "text/html");
                return;
            }
            Document request;
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                request = factory.newDocumentBuilder().parse(exchange.getRequestBody());
            } catch (Exception e) {
                respond(exchange, 500, fault("soap:Client", "XML illisible", null), "text/xml");
                return;
            }
            Element body = (Element) request.getDocumentElement().getElementsByTagNameNS(
                    "http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
            Element operation = firstElement(body);
            if (operation == null || !NAMESPACE.equals(operation.getNamespaceURI())) {
                respond(exchange, 500, fault("soap:Client", "Opération inconnue", null), "text/xml");
                return;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Element arg0 = firstElement(operation);
            for (Node n = arg0 == null ? null : arg0.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    fields.put(e.getLocalName(), e.getTextContent());
                }
            }
            calls.add(new Call(operation.getLocalName(), fields));
            switch (operation.getLocalName()) {
                case "creerPaiementSecurise" -> {
                    String idOp = UUID.randomUUID().toString().replace("-", "");
                    operations.put(idOp, fields);
                    respond(exchange, 200, envelope("<ns2:creerPaiementSecuriseResponse xmlns:ns2=\"" + NAMESPACE
                            + "\"><return><idOp>" + idOp + "</idOp></return></ns2:creerPaiementSecuriseResponse>"),
                            "text/xml");
                }
                case "recupererDetailPaiementSecurise" -> {
                    String idOp = fields.get("idOp");
                    if (rawAnswers.containsKey(idOp)) {
                        respond(exchange, 200, rawAnswers.get(idOp), "text/xml");
                        return;
                    }
                    Map<String, String> op = operations.get(idOp);
                    String result = results.get(idOp);
                    if (op == null || result == null) {
                        respond(exchange, 500, fault("soap:Server", "Erreur fonctionnelle", op == null ? "P1"
                                : "P5"), "text/xml");
                        return;
                    }
                    StringBuilder detail = new StringBuilder("<return><dattrans>27112026</dattrans>"
                            + "<heurtrans>1945</heurtrans>");
                    for (String name : List.of("exer", "mel", "montant", "numcli", "objet", "refdet")) {
                        detail.append('<').append(name).append('>').append(op.get(name)).append("</").append(name)
                                .append('>');
                    }
                    detail.append("<idOp>").append(idOp).append("</idOp><resultrans>").append(result)
                            .append("</resultrans><saisie>").append(op.get("saisie")).append("</saisie></return>");
                    respond(exchange, 200, envelope("<ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2=\""
                            + NAMESPACE + "\">" + detail + "</ns2:recupererDetailPaiementSecuriseResponse>"),
                            "text/xml");
                }
                default -> respond(exchange, 500, fault("soap:Client", "Opération inconnue", null), "text/xml");
            }
        }
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static String envelope(String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope "
                + "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + content
                + "</soap:Body></soap:Envelope>";
    }

    private static String fault(String code, String text, String functionalCode) {
        String detail = functionalCode == null ? "" : "<detail><ns2:FonctionnelleErreur xmlns:ns2=\"" + NAMESPACE
                + "\"><code>" + functionalCode + "</code><descriptif>" + text + "</descriptif><libelle>"
                + ("P1".equals(functionalCode) ? "IdOp incorrect" : "Transaction non trouvée")
                + "</libelle><severite>2</severite></ns2:FonctionnelleErreur></detail>";
        return envelope("<soap:Fault><faultcode>" + code + "</faultcode><faultstring>" + text + "</faultstring>"
                + detail + "</soap:Fault>");
    }

    private static void respond(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
