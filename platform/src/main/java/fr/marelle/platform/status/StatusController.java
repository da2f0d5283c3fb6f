package fr.marelle.platform.status;

import fr.marelle.platform.audit.Role;
import fr.marelle.platform.security.Callers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The service's event-processor lag and Kafka consumer lag, for the gateway's status page (staff only). */
@RestController
public class StatusController {

    private final String service;
    private final ObjectProvider<ProcessorStatusReader> processors;
    private final ObjectProvider<KafkaLagReader> kafka;

    public StatusController(String service, ObjectProvider<ProcessorStatusReader> processors,
                            ObjectProvider<KafkaLagReader> kafka) {
        this.service = service;
        this.processors = processors;
        this.kafka = kafka;
    }

    @GetMapping("/internal/status")
    public ServiceStatus status() {
        Callers.require(Role.ADMIN, Role.AUDITOR, Role.SYSTEM);
        ProcessorStatusReader processorReader = processors.getIfAvailable();
        KafkaLagReader kafkaReader = kafka.getIfAvailable();
        return new ServiceStatus(service,
                processorReader == null ? List.of() : processorReader.read(),
                kafkaReader == null ? null : kafkaReader.read());
    }
}
