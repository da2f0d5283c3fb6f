package fr.marelle.gateway.services.wallet;

import fr.marelle.gateway.services.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway's side of wallet-service's HTTP API, always called as the logged-in user: wallet-service scopes a
 * parent to their own family (another family's ids answer 404) and checks staff roles itself.
 */
@Component
public class WalletClient {

    /** The four figures of screen 19, and the family's alert threshold. */
    public record Wallet(UUID familyId, long mainBalanceCents, long cesuBalanceCents, long upcomingMainCents,
                         long upcomingCesuCents, long lowBalanceThresholdCents, OffsetDateTime updatedAt) {
    }

    /** One movement of the history, with what it paid for (a charge) or where the money came from. */
    public record Movement(UUID movementId, long sequence, OffsetDateTime occurredAt, String kind, long mainCents,
                           long cesuCents, long mainBalanceCents, long cesuBalanceCents, String reference,
                           String issuer, String reason, String chargeId, String childId, String childFirstName,
                           String serviceId, String serviceName, LocalDate serviceDate, String actorId,
                           String actorRole) {

        public boolean isCharge() {
            return "CHARGE".equals(kind);
        }

        public long totalCents() {
            return mainCents + cesuCents;
        }
    }

    public record Reservation(String chargeId, String childId, String childFirstName, String serviceId,
                              String serviceName, LocalDate serviceDate, long amountCents, boolean cesuEligible) {
    }

    public record Limits(long minimumCents, long maximumCents, boolean cardPaymentOffered) {
    }

    /** Kept in the session between the request and the page before the provider's (a flash attribute). */
    public record Opened(UUID paymentId, long amountCents, URI redirectUrl, Instant expiresAt)
            implements java.io.Serializable {
    }

    public record TopUp(UUID paymentId, long amountCents, String provider, String status, OffsetDateTime startedAt,
                        OffsetDateTime finishedAt, String redirectUrl, boolean late) {

        public boolean isPending() {
            return "PENDING".equals(status) || "STARTED".equals(status);
        }

        public boolean succeeded() {
            return "SUCCEEDED".equals(status);
        }
    }

    /** What a staff operation did: the wallet's figures after it. */
    public record Recorded(UUID movementId, boolean recordedNow, long mainBalanceCents, long cesuBalanceCents,
                           long upcomingMainCents, long upcomingCesuCents) {
    }

    /** The wallets below zero: how many, and the first of them, the most negative first (FINANCE, ADMIN). */
    public record Overdrawn(long count, List<Wallet> wallets) {
        public Overdrawn {
            wallets = wallets == null ? List.of() : List.copyOf(wallets);
        }
    }

    /**
     * Money in and out of every wallet in one month, in cents (FINANCE, ADMIN): in, what families paid (card top-ups,
     * CESU cheques, cash, cheques); out, the charges debited; refunds into wallets and adjustments apart.
     */
    public record MonthFlow(YearMonth month, long topUpCents, long cesuChequeCents, long cashCents, long chequeCents,
                            long inCents, long debitedCents, long refundCents, long adjustmentCents) {
    }

    private final ServiceClients services;

    WalletClient(ServiceClients services) {
        this.services = services;
    }

    private ServiceClients.Call wallet() {
        return services.service("wallet");
    }

    public Wallet wallet(Object familyId) {
        return wallet().get("/api/families/{id}/wallet", Wallet.class, familyId);
    }

    /** Newest first, {@code limit} of them, before the movement {@code before} (null: from the newest). */
    public List<Movement> movements(Object familyId, Long before, int limit) {
        String uri = "/api/families/{id}/wallet/movements?limit={limit}" + (before == null ? "" : "&before={before}");
        return wallet().get(uri, new ParameterizedTypeReference<List<Movement>>() {
        }, before == null ? new Object[]{familyId, limit} : new Object[]{familyId, limit, before});
    }

    public List<Reservation> upcoming(Object familyId) {
        return wallet().get("/api/families/{id}/wallet/upcoming", new ParameterizedTypeReference<List<Reservation>>() {
        }, familyId);
    }

    public Limits limits() {
        return wallet().get("/api/top-ups/limits", Limits.class);
    }

    public Opened startTopUp(Object familyId, long amountCents, String payerEmail) {
        return wallet().post("/api/families/{id}/top-ups", Map.of("amountCents", amountCents,
                "payerEmail", payerEmail == null ? "" : payerEmail), Opened.class, familyId);
    }

    /** How a payment stands; {@code check}: ask the provider at once if it is still open (the payer's return). */
    public TopUp topUp(Object familyId, Object paymentId, boolean check) {
        return wallet().get("/api/families/{id}/top-ups/{paymentId}?check={check}", TopUp.class, familyId, paymentId,
                check);
    }

    public List<TopUp> topUps(Object familyId) {
        return wallet().get("/api/families/{id}/top-ups?limit=20", new ParameterizedTypeReference<List<TopUp>>() {
        }, familyId);
    }

    public Overdrawn overdrawn(int limit) {
        return wallet().get("/api/wallets/overdrawn?limit={limit}", Overdrawn.class, limit);
    }

    /** Per month (Paris time) over the days {@code from} to {@code to}, inclusive. */
    public List<MonthFlow> flows(LocalDate from, LocalDate to) {
        return wallet().get("/api/wallets/flows?from={from}&to={to}", new ParameterizedTypeReference<List<MonthFlow>>() {
        }, from, to);
    }

    public Recorded recordCesuCheque(Object familyId, Map<String, Object> cheque) {
        return wallet().post("/api/families/{id}/wallet/cesu-cheques", cheque, Recorded.class, familyId);
    }

    public Recorded recordPayment(Object familyId, Map<String, Object> payment) {
        return wallet().post("/api/families/{id}/wallet/payments", payment, Recorded.class, familyId);
    }

    public Recorded recordRefund(Object familyId, Map<String, Object> refund) {
        return wallet().post("/api/families/{id}/wallet/refunds", refund, Recorded.class, familyId);
    }

    public Recorded recordAdjustment(Object familyId, Map<String, Object> adjustment) {
        return wallet().post("/api/families/{id}/wallet/adjustments", adjustment, Recorded.class, familyId);
    }
}
