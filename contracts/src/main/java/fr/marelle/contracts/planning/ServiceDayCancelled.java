package fr.marelle.contracts.planning;

import fr.marelle.contracts.ContractType;

import java.time.LocalDate;
import java.util.List;

/**
 * The town closed a service on a day (a strike, a bridge day): every booking of that day is cancelled free of charge,
 * and the families are told. Key: {@code serviceId + "@" + date}.
 */
public record ServiceDayCancelled(String serviceId, LocalDate date, String reason, List<Cancelled> bookings) {

    public record Cancelled(String bookingId, String childId, String familyId) {
    }

    public static final ContractType<ServiceDayCancelled> TYPE =
            new ContractType<>("planning", "ServiceDayCancelled", 1, ServiceDayCancelled.class);
}
