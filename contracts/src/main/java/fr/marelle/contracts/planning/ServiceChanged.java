package fr.marelle.contracts.planning;

import fr.marelle.contracts.ContractType;

import java.math.BigDecimal;

/**
 * A service of the catalogue as it is now: the canteen, morning or evening daycare, Wednesdays and holidays, or one the
 * town adds. {@code cesuClass} says what CESU may pay for: {@code DAYCARE} (any child), {@code LEISURE_CENTRE}
 * (children under 6) or {@code NONE} (never, e.g. the canteen). {@code unit} is what one booking is ({@code DAY} or
 * {@code SESSION}); {@code hoursPerUnit} counts it in the CAF's hours. Key: the service id.
 */
public record ServiceChanged(String serviceId, String code, String name, String cesuClass, String unit,
                             BigDecimal hoursPerUnit, boolean active) {

    public static final ContractType<ServiceChanged> TYPE =
            new ContractType<>("planning", "ServiceChanged", 1, ServiceChanged.class);
}
