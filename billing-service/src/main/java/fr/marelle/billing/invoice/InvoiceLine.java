package fr.marelle.billing.invoice;

import fr.marelle.billing.charge.ChargeKind;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One line of an invoice: one child's days of one service at one unit price — the unit price times the number of
 * days, never a rounded average. The days and the charges it bills are listed.
 */
public record InvoiceLine(int index, String childId, String childName, String serviceId, String serviceName,
                          ChargeKind kind, long unitPriceCents, int quantity, long amountCents, List<LocalDate> dates,
                          List<UUID> chargeIds) {
}
