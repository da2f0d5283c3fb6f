package fr.marelle.notification.message.rendering;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The town that writes to families ({@code MARELLE_TOWN_NAME}, {@code MARELLE_TOWN_CONTACTEMAIL}).
 *
 * @param name         shown in every message, e.g. "Ville de Vincey"
 * @param contactEmail where families write, in particular to exercise their rights on their personal data
 */
@Validated
@ConfigurationProperties("marelle.town")
public record TownProperties(@NotBlank @DefaultValue("Ville de Vincey") String name,
                             @NotBlank @Email @DefaultValue("contact@vincey.fr") String contactEmail) {
}
