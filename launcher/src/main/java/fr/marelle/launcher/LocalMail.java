package fr.marelle.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server notification-service sends to: GreenMail on 127.0.0.1, accepting every recipient and keeping
 * every message in memory until the launcher stops. Nothing is relayed anywhere.
 */
final class LocalMail implements AutoCloseable {

    static final int SMTP_PORT = 2525;

    private final GreenMail greenMail;
    private final int port;

    private LocalMail(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    static LocalMail start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new LocalMail(greenMail, port);
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return port;
    }

    /** Received messages, oldest first. */
    List<MimeMessage> messages() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
