package fr.marelle.notification.message.delivery;

import fr.marelle.notification.message.DeliveryFailureCode;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.rendering.RenderedEmail;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Hands one rendered email to the SMTP server configured by {@code spring.mail.*}: a multipart/alternative UTF-8
 * message (plain text, then HTML) from the configured sender, whose {@code Message-ID} is derived from the message
 * id, so that a message sent twice after a crash carries the same id and mail clients can fold the copies.
 *
 * <p>Never called inside a database transaction (ADR 0004): an SMTP exchange may take as long as its timeouts.
 *
 * <p>Connections are kept open between emails, one per delivery thread at most ({@link #IDLE_MAX} idle ones): at a
 * wallet alert's rush, opening a connection (and its EHLO, STARTTLS and AUTH) for every email cost as much as the
 * email itself. A connection idle for longer than {@link #IDLE_TIMEOUT} is closed rather than reused, since servers
 * drop quiet clients. A reused connection that fails before the server answered for this email (the server had
 * dropped it) is replaced by a new one at once, within the same attempt.
 */
class SmtpMailer implements AutoCloseable {

    private static final int REPLY_MAX = 200;
    static final int IDLE_MAX = 8;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    static {
        // Jakarta Mail finds its StreamProvider again for every encoded header, body part and multipart, through
        // ServiceLoader unless a system property names it (jakartaee/mail-api#861); in a Spring Boot jar that scan of
        // the nested jars took about a quarter of notification-service's CPU per alert. The property is
        // FactoryFinder's first choice: the same provider, found by name.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        }
    }

    private final JavaMailSenderImpl smtp;
    private final InternetAddress from;
    private final Clock clock;
    /** Open connections waiting for the next email, the most recently used first. */
    private final Deque<IdleConnection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    private record IdleConnection(Transport transport, long idleSinceNanos) {
    }

    SmtpMailer(JavaMailSenderImpl smtp, String from, Clock clock) {
        this.smtp = smtp;
        this.from = sender(from);
        this.clock = clock;
    }

    static InternetAddress sender(String from) {
        try {
            InternetAddress parsed = new InternetAddress(from, true);
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("marelle.mail.from is not an email address: " + from, e);
        }
    }

    SentEmail send(MessageId messageId, String recipient, RenderedEmail email) throws MailDeliveryException {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An SMTP call inside a database transaction (see ADR 0004)");
        }
        MimeMessage message = compose(messageId, recipient, email);
        Transport reused = takeIdle();
        if (reused != null) {
            try {
                return sendOn(reused, message);
            } catch (MessagingException e) {
                closeQuietly(reused);
                if (answeredForThisEmail(e)) {
                    throw failure(e);
                }
                // the server had dropped the idle connection: a new one below
            }
        }
        Transport transport = null;
        try {
            transport = smtp.getSession().getTransport(smtp.getProtocol());
            transport.connect(smtp.getHost(), smtp.getPort(), blankToNull(smtp.getUsername()),
                    blankToNull(smtp.getPassword()));
            return sendOn(transport, message);
        } catch (MessagingException e) {
            closeQuietly(transport);
            throw failure(e);
        }
    }

    /** Sends on an open connection and, once the server accepted the email, keeps the connection for the next. */
    private SentEmail sendOn(Transport transport, MimeMessage message) throws MessagingException {
        transport.sendMessage(message, message.getAllRecipients());
        String reply = transport instanceof SMTPTransport smtpTransport
                ? shorten(smtpTransport.getLastServerResponse()) : null;
        SentEmail sent = new SentEmail(message.getMessageID(), reply);
        giveBack(transport);
        return sent;
    }

    private Transport takeIdle() {
        for (IdleConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            // no NOOP to check it: a connection found broken is replaced within the attempt (see send)
            if (System.nanoTime() - connection.idleSinceNanos() < IDLE_TIMEOUT.toNanos()) {
                return connection.transport();
            }
            closeQuietly(connection.transport());
        }
        return null;
    }

    private void giveBack(Transport transport) {
        if (closed || idle.size() >= IDLE_MAX) {
            closeQuietly(transport);
            return;
        }
        idle.offerFirst(new IdleConnection(transport, System.nanoTime()));
        if (closed) {
            close(); // closed while this email was on its way
        }
    }

    /**
     * The server answered this email's own commands (a refused recipient or message, a temporary refusal), as
     * opposed to a connection that broke before it could: such an answer would be the same on a new connection.
     */
    private static boolean answeredForThisEmail(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPAddressFailedException) {
                return true;
            }
            if (t instanceof SMTPSendFailedException refused && refused.getReturnCode() != 421) {
                return true; // 421: the server is closing this (idle) connection
            }
        }
        return false;
    }

    /** Closes the idle connections (the application is stopping). */
    @Override
    public void close() {
        closed = true;
        for (IdleConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            closeQuietly(connection.transport());
        }
    }

    MimeMessage compose(MessageId messageId, String recipient, RenderedEmail email) throws MailDeliveryException {
        InternetAddress to;
        try {
            InternetAddress[] parsed = InternetAddress.parse(recipient, true);
            if (parsed.length != 1) {
                throw new AddressException("one recipient expected");
            }
            to = parsed[0];
            to.validate();
        } catch (AddressException e) {
            throw new MailDeliveryException(DeliveryFailureCode.RECIPIENT_INVALID, true,
                    "Adresse du destinataire invalide", e);
        }
        try {
            MimeMessage message = new MarelleMimeMessage(smtp.getSession(), messageIdHeader(messageId));
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Content-Language", email.language());
            // RFC 3834: an automatic message, which auto-responders should not answer
            message.setHeader("Auto-Submitted", "auto-generated");
            if (email.listUnsubscribe() != null) {
                // RFC 2369: mail clients show their own "unsubscribe" next to the newsletter
                message.setHeader("List-Unsubscribe", "<" + email.listUnsubscribe() + ">");
            }
            MimeMultipart alternatives = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
            alternatives.addBodyPart(text);
            alternatives.addBodyPart(html);
            message.setContent(alternatives);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new MailDeliveryException(DeliveryFailureCode.UNEXPECTED, true,
                    "Message impossible à composer : " + e.getMessage(), e);
        }
    }

    private String messageIdHeader(MessageId messageId) {
        String address = from.getAddress();
        return "<" + messageId.value() + "@" + address.substring(address.indexOf('@') + 1) + ">";
    }

    /**
     * A recipient the server refuses for good (5xx to RCPT TO) will not be accepted later: the message fails at
     * once. Everything else (server unreachable, timeouts, 4xx, authentication or relay refusals, which are
     * configuration problems) is retried with the back-off.
     */
    static MailDeliveryException failure(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPAddressFailedException refused) {
                boolean permanent = refused.getReturnCode() >= 500;
                return new MailDeliveryException(
                        permanent ? DeliveryFailureCode.SMTP_REJECTED : DeliveryFailureCode.SMTP_TEMPORARY_REFUSAL,
                        permanent, "Destinataire refusé par le serveur SMTP : " + reply(refused), e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 400
                    && refused.getReturnCode() < 500) {
                return new MailDeliveryException(DeliveryFailureCode.SMTP_TEMPORARY_REFUSAL, false,
                        "Refus temporaire du serveur SMTP : " + reply(refused), e);
            }
            if (t instanceof SMTPSendFailedException refused) {
                return new MailDeliveryException(DeliveryFailureCode.SMTP_REJECTED, false,
                        "Message refusé par le serveur SMTP : " + reply(refused), e);
            }
        }
        if (e instanceof AuthenticationFailedException) {
            return new MailDeliveryException(DeliveryFailureCode.SMTP_UNAVAILABLE, false,
                    "Authentification refusée par le serveur SMTP", e);
        }
        return new MailDeliveryException(DeliveryFailureCode.SMTP_UNAVAILABLE, false,
                "Serveur SMTP injoignable : " + shorten(rootMessage(e)), e);
    }

    private static String reply(MessagingException e) {
        return shorten(e.getMessage());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= REPLY_MAX ? line : line.substring(0, REPLY_MAX) + "…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void closeQuietly(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the message was sent or not; closing changes neither
            }
        }
    }

    /** A message whose Message-ID is ours, not one Jakarta Mail makes up at each save. */
    private static final class MarelleMimeMessage extends MimeMessage {

        private final String messageId;

        MarelleMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
