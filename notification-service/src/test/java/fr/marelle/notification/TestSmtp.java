package fr.marelle.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.marelle.platform.test.TcpProxy;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One real SMTP server per test JVM (GreenMail, accepting every recipient), reached through a {@link TcpProxy} that
 * a test cuts to take the server off the network and restores to bring it back. Every Spring test context of the
 * module sends there (registered in {@code META-INF/spring.factories}), with short delivery timings. Tests tell
 * their emails apart by recipient: each uses addresses of its own.
 */
public final class TestSmtp {

    private static GreenMail server;
    private static TcpProxy proxy;

    private TestSmtp() {
    }

    static synchronized void start() {
        if (server != null) {
            return;
        }
        int serverPort = TcpProxy.freePort();
        server = new GreenMail(new ServerSetup(serverPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        proxy = new TcpProxy(TcpProxy.freePort(), "127.0.0.1", serverPort).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            proxy.close();
            server.stop();
        }, "stop-test-smtp"));
    }

    public static synchronized TcpProxy proxy() {
        start();
        return proxy;
    }

    /** The emails the server received for this address, oldest first. */
    public static synchronized List<MimeMessage> receivedBy(String recipient) {
        start();
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> isFor(message, recipient))
                .toList();
    }

    private static boolean isFor(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", proxy().port());
        properties.put("spring.mail.properties.mail.smtp.connectiontimeout", "3000");
        properties.put("spring.mail.properties.mail.smtp.timeout", "3000");
        properties.put("spring.mail.properties.mail.smtp.writetimeout", "3000");
        properties.put("marelle.portal.url", "https://famille.vincey.test");
        properties.put("marelle.mail.delivery.poll-interval", "200ms");
        properties.put("marelle.mail.delivery.lease", "30s");
        properties.put("marelle.mail.delivery.backoff", "2s,3s,5s");
        properties.put("marelle.mail.delivery.max-attempts", "4");
        return properties;
    }

    /** Adds the SMTP server and the short timings to every test context (equal for all, so contexts are shared). */
    public static class CustomizerFactory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }
    }

    static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-smtp", properties()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
