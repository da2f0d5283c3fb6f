package fr.marelle.notification.message.delivery;

import fr.marelle.notification.TestSmtp;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.TestMessages;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Replicas share the queue: workers competing for the same messages send each of them once. */
@MarelleServiceTest
class SeveralWorkersTest {

    @LocalServerPort
    int port;
    @Autowired
    DeliveryQueue queue;
    @Autowired
    CommandGateway commands;
    @Autowired
    MessageSender sender;
    @Autowired
    OutgoingMailProperties mail;
    @Autowired
    Clock clock;

    @Test
    void three_workers_on_one_queue_send_every_message_once() {
        List<DeliveryWorker> replicas = List.of(
                new DeliveryWorker(queue, commands, sender, mail.delivery(), clock),
                new DeliveryWorker(queue, commands, sender, mail.delivery(), clock));
        replicas.forEach(DeliveryWorker::start);
        try {
            String familyId = UUID.randomUUID().toString();
            Map<MessageId, String> recipients = new java.util.HashMap<>();
            for (int i = 0; i < 15; i++) {
                String recipient = TestMessages.anAddress();
                recipients.put(TestMessages.queue(commands, familyId, "ACCOUNT_ACTIVATED", recipient,
                        Map.of("firstName", "Camille")), recipient);
            }
            ServiceApi.Caller staff = new ServiceApi(port).as(TestServiceTokens.staff(Role.AGENT));
            List<Integer> attempts = new ArrayList<>();
            recipients.keySet().forEach(messageId -> attempts.add(
                    TestMessages.awaitStatus(staff, messageId, "SENT").path("attempts").asInt()));

            assertThat(attempts).containsOnly(1);
            assertThat(recipients.values()).allSatisfy(recipient ->
                    assertThat(TestSmtp.receivedBy(recipient)).hasSize(1));
        } finally {
            replicas.forEach(DeliveryWorker::stop);
        }
    }
}
