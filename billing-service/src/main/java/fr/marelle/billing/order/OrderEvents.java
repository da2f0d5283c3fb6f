package fr.marelle.billing.order;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class OrderEvents {

    private OrderEvents() {
    }

    /** {@code totalCents} is the sum of the booked lines' amounts, exactly. */
    @Revision("1")
    public record OrderPlaced(UUID orderId, String number, String familyId, String submissionId,
                              Instant submittedAt, List<OrderLine> lines, long totalCents) {
    }
}
