package fr.marelle.billing.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class OrderCommands {

    private OrderCommands() {
    }

    /** A planning submission becomes an order ("commande"), with its number and its priced lines. */
    public record PlaceOrder(@TargetAggregateIdentifier UUID orderId, String number, String familyId,
                             String submissionId, Instant submittedAt, List<OrderLine> lines) {
    }
}
