package fr.marelle.billing.integration;

import fr.marelle.billing.charge.Charge;
import fr.marelle.billing.charge.ChargeCommands.ScheduleCause;
import fr.marelle.billing.charge.ChargeEvents;
import fr.marelle.billing.invoice.InvoiceEvents;
import fr.marelle.billing.order.OrderEvents;
import fr.marelle.billing.order.OrderLine;
import fr.marelle.contracts.ContractType;
import fr.marelle.contracts.billing.ChargesReleased;
import fr.marelle.contracts.billing.ChargesScheduled;
import fr.marelle.contracts.billing.ChargesSettled;
import fr.marelle.contracts.billing.ChargesWaived;
import fr.marelle.contracts.billing.CreditNoteIssued;
import fr.marelle.contracts.billing.InvoiceIssued;
import fr.marelle.contracts.billing.OrderPlaced;
import fr.marelle.platform.integration.IntegrationEventMapper;
import fr.marelle.platform.integration.OutgoingIntegrationEvent;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

/**
 * Billing's public events (contracts {@code billing.*.v1}), keyed by family so that the wallet sees a family's
 * charges in order. Charges scheduled by an order travel inside {@code OrderPlaced}; only a waitlisted booking that
 * got its place gives a {@code ChargesScheduled}.
 */
@Component
class BillingPublishedEvents implements IntegrationEventMapper {

    @Override
    public List<OutgoingIntegrationEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof OrderEvents.OrderPlaced e) {
            List<OrderPlaced.Charge> charges = e.lines().stream().map(OrderLine::charge).filter(Objects::nonNull)
                    .map(BillingPublishedEvents::charge).toList();
            return one(OrderPlaced.TYPE, e.familyId(), new OrderPlaced(e.orderId().toString(), e.number(),
                    e.familyId(), e.submissionId(), e.submittedAt(), charges, e.totalCents()));
        }
        if (payload instanceof ChargeEvents.ChargesScheduled e && e.cause() == ScheduleCause.WAITLIST_PLACE_GRANTED) {
            return one(ChargesScheduled.TYPE, e.familyId(), new ChargesScheduled(e.familyId(),
                    ScheduleCause.WAITLIST_PLACE_GRANTED.name(), charges(e.charges())));
        }
        if (payload instanceof ChargeEvents.ChargesReleased e && !e.charges().isEmpty()) {
            return one(ChargesReleased.TYPE, e.familyId(), new ChargesReleased(e.familyId(), e.reason().name(),
                    charges(e.charges())));
        }
        if (payload instanceof ChargeEvents.ChargesSettled e) {
            return one(ChargesSettled.TYPE, e.familyId(), new ChargesSettled(e.familyId(), e.serviceId(), e.date(),
                    charges(e.charges())));
        }
        if (payload instanceof ChargeEvents.ChargesWaived e) {
            return one(ChargesWaived.TYPE, e.familyId(), new ChargesWaived(e.familyId(), "EXCUSED_ABSENCE",
                    charges(e.charges())));
        }
        if (payload instanceof InvoiceEvents.InvoiceIssued e) {
            return one(InvoiceIssued.TYPE, e.familyId(), new InvoiceIssued(e.invoiceId().toString(), e.number(),
                    e.familyId(), e.periodStart(), e.periodEnd(), e.totalCents(), e.issuedAt()));
        }
        if (payload instanceof InvoiceEvents.CreditNoteIssued e) {
            return one(CreditNoteIssued.TYPE, e.familyId(), new CreditNoteIssued(e.creditNoteId().toString(),
                    e.number(), e.familyId(), e.invoiceId().toString(), e.totalCents(), e.reason(), e.issuedAt()));
        }
        return List.of();
    }

    private static List<OrderPlaced.Charge> charges(List<Charge> charges) {
        return charges.stream().map(BillingPublishedEvents::charge).toList();
    }

    static OrderPlaced.Charge charge(Charge c) {
        return new OrderPlaced.Charge(c.chargeId().toString(), c.bookingId(), c.childId(), c.serviceId(), c.date(),
                c.unitPriceCents(), c.quantity(), c.amountCents(), c.cesuEligible());
    }

    private static List<OutgoingIntegrationEvent> one(ContractType<?> type, String key, Object payload) {
        return List.of(new OutgoingIntegrationEvent(type.topic(), type.qualifiedName(), key, payload));
    }
}
