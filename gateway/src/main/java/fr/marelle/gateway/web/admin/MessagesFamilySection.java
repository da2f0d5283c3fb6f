package fr.marelle.gateway.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.ServiceClients;
import fr.marelle.gateway.web.console.FamilyFileSections;
import fr.marelle.gateway.web.console.FamilySection;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The messages sent to a family (emails and SMS, with their status), in its file. */
@Component
class MessagesFamilySection implements FamilyFileSections {

    private final ServiceClients services;

    MessagesFamilySection(ServiceClients services) {
        this.services = services;
    }

    @Override
    public List<FamilySection> sections(UUID familyId, GatewayUser user) {
        JsonNode messages = services.service("notification").get("/api/messages?familyId={id}", JsonNode.class,
                familyId);
        return List.of(new FamilySection(900, "messages", "family.messages", "admin/family-sections", "messages",
                Map.of("messages", messages)));
    }
}
