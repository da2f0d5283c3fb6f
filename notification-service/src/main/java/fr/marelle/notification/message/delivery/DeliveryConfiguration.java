package fr.marelle.notification.message.delivery;

import fr.marelle.notification.message.RetryPolicy;
import fr.marelle.notification.message.rendering.EmailRenderer;
import fr.marelle.notification.message.rendering.SmsRenderer;
import fr.marelle.notification.message.sms.SmsProvider;
import fr.marelle.platform.eventstore.BoundedAggregateCache;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutgoingMailProperties.class)
class DeliveryConfiguration {

    /** The SMTP timeouts (milliseconds) whose sum a lease must outlast. */
    static final String[] SMTP_TIMEOUTS = {"mail.smtp.connectiontimeout", "mail.smtp.timeout",
            "mail.smtp.writetimeout"};

    /**
     * Outgoing messages take three commands within a second or so (queued, attempt started, outcome): kept in
     * memory, the last two do not read the message's events again. Bounded by count: the least recently used leave
     * it (nothing evicts a sent message sooner; it is simply not used again).
     */
    @Bean
    Cache outgoingMessageCache(@Value("${marelle.mail.delivery.message-cache-size:10000}") long size) {
        return new BoundedAggregateCache(size);
    }

    @Bean
    RetryPolicy deliveryRetryPolicy(OutgoingMailProperties mail) {
        return new RetryPolicy(mail.delivery().backoff(), mail.delivery().maxAttempts());
    }

    @Bean
    DeliveryQueue deliveryQueue(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new DeliveryQueue(jdbc, transactions);
    }

    @Bean
    SmtpMailer smtpMailer(JavaMailSenderImpl smtp, OutgoingMailProperties mail, EmailRenderer renderer,
                          Clock clock) {
        requireLeaseAboveAttempt(mail.delivery().lease(), smtp.getJavaMailProperties(), renderer.longestLinkCall());
        return new SmtpMailer(smtp, mail.from(), clock);
    }

    @Bean
    MessageSender messageSender(EmailRenderer renderer, SmtpMailer mailer, SmsRenderer texts, SmsProvider sms,
                                OutgoingMailProperties mail, Clock clock) {
        requireLeaseAboveSmsCall(mail.delivery().lease(), sms.longestCall());
        return new MessageSender(renderer, mailer, texts, sms, clock);
    }

    @Bean
    DeliveryWorker deliveryWorker(DeliveryQueue queue, CommandGateway commands, MessageSender sender,
                                  OutgoingMailProperties mail, Clock clock) {
        return new DeliveryWorker(queue, commands, sender, mail.delivery(), clock);
    }

    /** The same rule for an SMS attempt: its lease outlasts twice the gateway's timeouts. */
    static void requireLeaseAboveSmsCall(Duration lease, Duration longestSmsCall) {
        if (lease.compareTo(longestSmsCall.multipliedBy(2)) < 0) {
            throw new IllegalStateException("marelle.mail.delivery.lease (" + lease + ") must be at least twice the "
                    + "SMS gateway's timeouts together (" + longestSmsCall + ")");
        }
    }

    static void requireLeaseAboveSmtpTimeouts(Duration lease, Map<Object, Object> javaMailProperties) {
        requireLeaseAboveAttempt(lease, javaMailProperties, Duration.ZERO);
    }

    /**
     * An attempt must end before its lease does, or a second replica could start another one while the first is
     * still asking accounts-service for the link or talking to the SMTP server. Each SMTP timeout must be set
     * (Jakarta Mail waits forever otherwise).
     */
    static void requireLeaseAboveAttempt(Duration lease, Map<Object, Object> javaMailProperties,
                                         Duration longestLinkCall) {
        long total = 0;
        for (String key : SMTP_TIMEOUTS) {
            Object value = javaMailProperties.get(key);
            if (value == null) {
                throw new IllegalStateException("spring.mail.properties." + key + " must be set: without it an SMTP "
                        + "call may hang for ever");
            }
            total += Long.parseLong(value.toString().strip());
        }
        total += longestLinkCall.toMillis();
        if (lease.toMillis() < 2 * total) {
            throw new IllegalStateException("marelle.mail.delivery.lease (" + lease + ") must be at least twice the "
                    + "SMTP and link timeouts together (" + Duration.ofMillis(total) + ")");
        }
    }
}
