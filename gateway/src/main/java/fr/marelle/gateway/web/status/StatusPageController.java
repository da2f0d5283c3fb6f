package fr.marelle.gateway.web.status;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.services.ServiceClients;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Each service: its health, the lag of its event processors, the lag of its Kafka consumers. */
@Controller
class StatusPageController {

    static final List<String> ORDER = List.of("accounts", "children", "planning", "billing", "wallet",
            "notification");

    record ServiceRow(String name, String health, JsonNode status, String error) {
        public boolean up() {
            return "UP".equals(health);
        }
    }

    private final ServiceClients services;
    private final ExecutorService pool = Executors.newFixedThreadPool(6);

    StatusPageController(ServiceClients services) {
        this.services = services;
    }

    @GetMapping("/admin/statut")
    String status(Model model) {
        var attributes = RequestContextHolder.currentRequestAttributes();
        var context = SecurityContextHolder.getContext();
        List<CompletableFuture<ServiceRow>> rows = new ArrayList<>();
        for (String name : ORDER) {
            rows.add(CompletableFuture.supplyAsync(() -> {
                RequestContextHolder.setRequestAttributes(attributes);
                SecurityContextHolder.setContext(context);
                try {
                    return read(name);
                } finally {
                    RequestContextHolder.resetRequestAttributes();
                    SecurityContextHolder.clearContext();
                }
            }, pool));
        }
        List<ServiceRow> result = new ArrayList<>();
        for (CompletableFuture<ServiceRow> row : rows) {
            try {
                result.add(row.get(10, TimeUnit.SECONDS));
            } catch (Exception e) {
                result.add(new ServiceRow("?", "DOWN", null, e.getMessage()));
            }
        }
        model.addAttribute("rows", result);
        model.addAttribute("allUp", result.stream().allMatch(ServiceRow::up));
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
