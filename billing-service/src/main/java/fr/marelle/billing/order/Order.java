package fr.marelle.billing.order;

import fr.marelle.billing.order.OrderCommands.PlaceOrder;
import fr.marelle.billing.order.OrderEvents.OrderPlaced;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order ("commande"): what one planning submission asked for, priced when it was placed. A document: it never
 * changes; what later happens to each charge (cancelled, settled, waived, invoiced) is the charges' story.
 */
@Aggregate
public class Order {

    @AggregateIdentifier
    private UUID orderId;

    protected Order() {
    }

    @CommandHandler
    public Order(PlaceOrder command) {
        linesAreWhole(command);
        long total = 0;
        for (OrderLine line : command.lines()) {
            total = Math.addExact(total, line.amountCents());
        }
        apply(new OrderPlaced(command.orderId(), command.number(), command.familyId(), command.submissionId(),
                command.submittedAt(), command.lines(), total));
    }

    /** An order has lines; a booked line is priced and a waitlisted one is not; a booking appears once. */
    private static void linesAreWhole(PlaceOrder command) {
        if (command.lines() == null || command.lines().isEmpty()) {
            throw DomainException.rule("ORDER_EMPTY", "Une commande compte au moins une ligne.");
        }
        Set<String> bookings = new HashSet<>();
        for (OrderLine line : command.lines()) {
            boolean priced = line.charge() != null;
            if (priced != (line.outcome() == OrderLine.Outcome.BOOKED) || !bookings.add(line.bookingId())) {
                throw DomainException.rule("ORDER_LINE_INVALID",
                        "Chaque réservation figure une fois ; une ligne réservée a un prix, une ligne en liste "
                                + "d'attente n'en a pas.");
            }
        }
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
    }

    /** For fixtures and logs. */
    UUID id() {
        return orderId;
    }

    public static UUID idOfSubmission(String submissionId) {
        return UUID.nameUUIDFromBytes(("marelle:order:" + submissionId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
