package fr.marelle.notification.message.delivery;

import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.DeliveryFailureCode;
import fr.marelle.notification.message.DeliveryOrder;
import fr.marelle.notification.message.MessageCommands.RecordDelivery;
import fr.marelle.notification.message.MessageCommands.RecordDeliveryFailure;
import fr.marelle.notification.message.rendering.EmailRenderer;
import fr.marelle.notification.message.rendering.LinkUnavailableException;
import fr.marelle.notification.message.rendering.RenderedEmail;
import fr.marelle.notification.message.rendering.RenderingFailedException;
import fr.marelle.notification.message.rendering.SmsRenderer;
import fr.marelle.notification.message.sms.SmsDeliveryException;
import fr.marelle.notification.message.sms.SmsProvider;
import fr.marelle.notification.message.sms.SmsReceipt;
import fr.marelle.notification.message.sms.SmsRequest;
import fr.marelle.notification.message.sms.SmsText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Writes and hands over the message of one started attempt, on its channel: an email rendered from its templates to
 * the SMTP server, an SMS written within its segments to the SMS provider. Runs with no transaction open, and never
 * throws: every failure is an outcome to record, with its reason and whether retrying may help.
 */
class MessageSender {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);
    private static final int REASON_MAX = 500;

    private final EmailRenderer emails;
    private final SmtpMailer mailer;
    private final SmsRenderer texts;
    private final SmsProvider sms;
    private final Clock clock;

    MessageSender(EmailRenderer emails, SmtpMailer mailer, SmsRenderer texts, SmsProvider sms, Clock clock) {
        this.emails = emails;
        this.mailer = mailer;
        this.texts = texts;
        this.sms = sms;
        this.clock = clock;
    }

    /** {@code RecordDelivery} or {@code RecordDeliveryFailure} for the attempt. */
    Object attempt(DeliveryOrder order) {
        try {
            return order.channel() == Channel.SMS ? sendSms(order) : sendEmail(order);
        } catch (LinkUnavailableException e) {
            return failure(order, DeliveryFailureCode.LINK_UNAVAILABLE, e.getMessage(), e.isPermanent());
        } catch (RenderingFailedException e) {
            return failure(order, DeliveryFailureCode.RENDERING_FAILED, e.getMessage(), true);
        } catch (MailDeliveryException e) {
            return failure(order, e.code(), e.getMessage(), e.permanent());
        } catch (SmsDeliveryException e) {
            return failure(order, e.code(), e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            return failure(order, DeliveryFailureCode.UNEXPECTED, "Erreur inattendue : " + e.getClass().getName(),
                    false);
        }
    }

    private RecordDelivery sendEmail(DeliveryOrder order) throws LinkUnavailableException, MailDeliveryException {
        RenderedEmail email = emails.render(order);
        SentEmail sent = mailer.send(order.messageId(), order.recipient(), email);
        log.info("Message {} ({}, email) sent at attempt {}, Message-ID {}", order.messageId(), order.template(),
                order.attempt(), sent.messageIdHeader());
        return new RecordDelivery(order.messageId(), order.attempt(), sent.messageIdHeader(), sent.serverReply(),
                clock.instant());
    }

    private RecordDelivery sendSms(DeliveryOrder order) throws SmsDeliveryException {
        SmsText text = texts.render(order);
        SmsReceipt receipt = sms.send(new SmsRequest(order.messageId(), order.recipient(), text, order.template()));
        log.info("Message {} ({}, SMS {} in {} segment(s)) sent at attempt {}, reference {}", order.messageId(),
                order.template(), text.encoding(), text.segments(), order.attempt(), receipt.reference());
        return new RecordDelivery(order.messageId(), order.attempt(), receipt.reference(),
                receipt.reply() + ", " + text.segments() + " segment(s) " + text.encoding(), clock.instant());
    }

    private RecordDeliveryFailure failure(DeliveryOrder order, DeliveryFailureCode code, String reason,
                                          boolean permanent) {
        log.warn("Message {} ({}, {}) attempt {} failed ({}{}): {}", order.messageId(), order.template(),
                order.channel(), order.attempt(), code, permanent ? ", permanent" : "", reason);
        return new RecordDeliveryFailure(order.messageId(), order.attempt(), code, truncate(reason), permanent,
                clock.instant());
    }

    /** The longest an attempt may take besides the SMTP exchange: a link lookup, or an SMS call. */
    Duration longestNonSmtpCall() {
        Duration link = emails.longestLinkCall();
        Duration call = sms.longestCall();
        return link.compareTo(call) >= 0 ? link : call;
    }

    private static String truncate(String reason) {
        if (reason == null) {
            return null;
        }
        return reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX) + "…";
    }
}
