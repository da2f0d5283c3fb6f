package fr.marelle.gateway.web.status;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.services.ServiceClients;
import fr.marelle.gateway.services.ServiceFanOut;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Duration;
import java.util.List;

/** Each service: its health, the lag of its event processors, the lag of its Kafka consumers. */
@Controller
class StatusPageController {

    static final List<String> ORDER = ServiceClients.ALL;

    record ServiceRow(String name, String health, JsonNode status, String error) {
        public boolean up() {
            return "UP".equals(health);
        }
    }

    private final ServiceClients services;
    private final ServiceFanOut fanOut;

    StatusPageController(ServiceClients services, ServiceFanOut fanOut) {
        this.services = services;
        this.fanOut = fanOut;
    }

    @GetMapping("/admin/statut")
    String status(Model model) {
        List<ServiceRow> rows = fanOut.ask(ORDER, this::read, Duration.ofSeconds(10)).stream()
                .map(answer -> answer.ok() ? answer.value()
                        : new ServiceRow(answer.service(), "DOWN", null, answer.error().getMessage()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("allUp", rows.stream().allMatch(ServiceRow::up));
        return "admin/status";
    }

    private ServiceRow read(String name) {
        String health;
        try {
            health = services.service(name).get("/actuator/health", JsonNode.class).path("status").asText("DOWN");
        } catch (RuntimeException e) {
            return new ServiceRow(name, "DOWN", null, "ne répond pas");
        }
        try {
            return new ServiceRow(name, health, services.service(name).get("/internal/status", JsonNode.class), null);
        } catch (RuntimeException e) {
            return new ServiceRow(name, health, null, "statut illisible : " + e.getMessage());
        }
    }
}
