package fr.marelle.notification.integration;

import fr.marelle.contracts.billing.InvoiceIssued;
import fr.marelle.contracts.children.DocumentReviewed;
import fr.marelle.contracts.planning.BookingsSubmitted;
import fr.marelle.contracts.planning.ServiceDayCancelled;
import fr.marelle.contracts.planning.WaitlistPlaceGranted;
import fr.marelle.contracts.wallet.TopUpFailed;
import fr.marelle.contracts.wallet.TopUpSucceeded;
import fr.marelle.contracts.wallet.WalletBalanceLow;
import fr.marelle.contracts.wallet.WalletOverdrawn;
import fr.marelle.notification.directory.NameDirectory;
import fr.marelle.notification.family.FamilyNotifier;
import fr.marelle.notification.message.BookingSummary;
import fr.marelle.notification.message.MessageTemplate;
import fr.marelle.platform.integration.IntegrationEnvelope;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The messages that the wallet's, planning's, children's and billing's facts call for: which template, with which
 * parameters, about what (the cause that makes the same fact one message however often it comes). The family's
 * choices and the rules decide the channels ({@link FamilyNotifier}).
 *
 * <p>Wallet alerts: the wallet publishes {@code WalletBalanceLow} once per crossing below the family's threshold
 * (re-armed when the balance is back above) and {@code WalletOverdrawn} once per crossing below zero; the cause is the
 * crossing itself (family and time of the crossing), so a crossing published again under another event id still
 * gives one alert.
 */
@Component
class FamilyMessages {

    private final FamilyNotifier notifier;
    private final NameDirectory names;

    FamilyMessages(FamilyNotifier notifier, NameDirectory names) {
        this.notifier = notifier;
        this.names = names;
    }

    void walletBalanceLow(WalletBalanceLow event, IntegrationEnvelope envelope) {
        notifier.notify(event.familyId(), MessageTemplate.WALLET_BALANCE_LOW, Map.of(
                        "balanceCents", Long.toString(event.balanceCents()),
                        "thresholdCents", Long.toString(event.thresholdCents())),
                "wallet-low:" + event.familyId() + ":" + event.crossedAt(), envelope.eventId());
    }

    void walletOverdrawn(WalletOverdrawn event, IntegrationEnvelope envelope) {
        notifier.notify(event.familyId(), MessageTemplate.WALLET_OVERDRAWN, Map.of(
                        "balanceCents", Long.toString(event.balanceCents())),
                "wallet-overdrawn:" + event.familyId() + ":" + event.crossedAt(), envelope.eventId());
    }

    void topUpSucceeded(TopUpSucceeded event, IntegrationEnvelope envelope) {
        notifier.notify(event.familyId(), MessageTemplate.TOP_UP_SUCCEEDED, Map.of(
                        "amountCents", Long.toString(event.amountCents())),
                "top-up:" + event.paymentId(), envelope.eventId());
    }

    void topUpFailed(TopUpFailed event, IntegrationEnvelope envelope) {
        notifier.notify(event.familyId(), MessageTemplate.TOP_UP_FAILED, Map.of(
                        "amountCents", Long.toString(event.amountCents()),
                        "reason", event.reason() == null ? "DECLINED" : event.reason()),
                "top-up:" + event.paymentId(), envelope.eventId());
    }

    /** Booked and waitlisted child-days of one submission, per child and service. */
    void bookingsSubmitted(BookingsSubmitted event, IntegrationEnvelope envelope) {
        if (event.lines() == null || event.lines().isEmpty()) {
            return;
        }
        Map<String, List<LocalDate>> booked = new LinkedHashMap<>();
        Map<String, List<LocalDate>> waitlisted = new LinkedHashMap<>();
        Map<String, String[]> who = new LinkedHashMap<>();
        int bookedCount = 0;
        int waitlistedCount = 0;
        for (BookingsSubmitted.Line line : event.lines()) {
            String key = line.childId() + "|" + line.serviceId();
            who.putIfAbsent(key, new String[]{line.childId(), line.serviceId()});
            if ("WAITLISTED".equals(line.outcome())) {
                waitlisted.computeIfAbsent(key, k -> new ArrayList<>()).add(line.date());
                waitlistedCount++;
            } else {
                booked.computeIfAbsent(key, k -> new ArrayList<>()).add(line.date());
                bookedCount++;
            }
        }
        List<BookingSummary.Entry> entries = new ArrayList<>();
        who.forEach((key, ids) -> entries.add(new BookingSummary.Entry(
                names.childFirstName(ids[0]).orElse(null), serviceName(ids[1]),
                booked.getOrDefault(key, List.of()), waitlisted.getOrDefault(key, List.of()))));
        notifier.notify(event.familyId(), MessageTemplate.BOOKINGS_CONFIRMED, Map.of(
                        "booked", Integer.toString(bookedCount),
                        "waitlisted", Integer.toString(waitlistedCount),
                        "summary", BookingSummary.write(entries)),
                "bookings:" + event.submissionId(), envelope.eventId());
    }

    void waitlistPlaceGranted(WaitlistPlaceGranted event, IntegrationEnvelope envelope) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("serviceName", serviceName(event.serviceId()));
        parameters.put("date", event.date().toString());
        names.childFirstName(event.childId()).ifPresent(name -> parameters.put("childName", name));
        notifier.notify(event.familyId(), MessageTemplate.WAITLIST_PLACE_GRANTED, parameters,
                "waitlist:" + event.bookingId(), envelope.eventId());
    }

    /** Every family with a booking that day is told once, naming its children. */
    void serviceDayCancelled(ServiceDayCancelled event, IntegrationEnvelope envelope) {
        if (event.bookings() == null) {
            return;
        }
        Map<String, Set<String>> childrenByFamily = new LinkedHashMap<>();
        for (ServiceDayCancelled.Cancelled booking : event.bookings()) {
            childrenByFamily.computeIfAbsent(booking.familyId(), f -> new LinkedHashSet<>()).add(booking.childId());
        }
        String serviceName = serviceName(event.serviceId());
        childrenByFamily.forEach((familyId, children) -> {
            Map<String, String> parameters = new HashMap<>();
            parameters.put("serviceName", serviceName);
            parameters.put("date", event.date().toString());
            if (event.reason() != null && !event.reason().isBlank()) {
                parameters.put("reason", event.reason().strip());
            }
            List<String> firstNames = children.stream().map(names::childFirstName)
                    .flatMap(java.util.Optional::stream).toList();
            if (firstNames.size() == children.size()) {
                parameters.put("children", String.join(", ", firstNames));
            }
            notifier.notify(familyId, MessageTemplate.SERVICE_DAY_CANCELLED, parameters,
                    "closure:" + event.serviceId() + "@" + event.date() + ":" + familyId, envelope.eventId());
        });
    }

    /** A refusal is always told (with the reason); an approval only to the families who asked for it. */
    void documentReviewed(DocumentReviewed event, IntegrationEnvelope envelope) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("documentTitle", event.title() == null || event.title().isBlank() ? event.kind()
                : event.title().strip());
        if (event.childId() != null) {
            names.childFirstName(event.childId()).ifPresent(name -> parameters.put("childName", name));
        }
        if ("REJECTED".equals(event.outcome())) {
            parameters.put("reason", event.reason() == null || event.reason().isBlank() ? "—" : event.reason().strip());
            notifier.notify(event.familyId(), MessageTemplate.DOCUMENT_REJECTED, parameters,
                    "document:" + envelope.eventId(), envelope.eventId());
        } else if ("APPROVED".equals(event.outcome())) {
            if (event.validUntil() != null) {
                parameters.put("validUntil", event.validUntil().toString());
            }
            notifier.notify(event.familyId(), MessageTemplate.DOCUMENT_APPROVED, parameters,
                    "document:" + envelope.eventId(), envelope.eventId());
        }
    }

    void invoiceIssued(InvoiceIssued event, IntegrationEnvelope envelope) {
        notifier.notify(event.familyId(), MessageTemplate.INVOICE_ISSUED, Map.of(
                        "number", event.number(),
                        "periodStart", event.periodStart().toString(),
                        "periodEnd", event.periodEnd().toString(),
                        "totalCents", Long.toString(event.totalCents())),
                "invoice:" + event.invoiceId(), envelope.eventId());
    }

    /** The service's name as planning-service published it, else its id (e.g. "canteen"). */
    private String serviceName(String serviceId) {
        return names.serviceName(serviceId).orElse(serviceId);
    }
}
