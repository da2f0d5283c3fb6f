package fr.marelle.notification.message.rendering;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where families reach the portal ({@code MARELLE_PORTAL_URL}): the links to it in every message. */
@Validated
@ConfigurationProperties("marelle.portal")
public record PortalProperties(@NotBlank @DefaultValue("http://localhost:8080") String url) {
}
