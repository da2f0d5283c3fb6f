package fr.marelle.wallet.wallet.web;

import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import fr.marelle.wallet.wallet.Balances;
import fr.marelle.wallet.wallet.ConflictRetry;
import fr.marelle.wallet.wallet.CreditKind;
import fr.marelle.wallet.wallet.FamilyId;
import fr.marelle.wallet.wallet.Money;
import fr.marelle.wallet.wallet.MovementId;
import fr.marelle.wallet.wallet.Pocket;
import fr.marelle.wallet.wallet.WalletCommands.AdjustWallet;
import fr.marelle.wallet.wallet.WalletCommands.ChangeLowBalanceThreshold;
import fr.marelle.wallet.wallet.WalletCommands.CreditRecorded;
import fr.marelle.wallet.wallet.WalletCommands.CreditWallet;
import fr.marelle.wallet.wallet.WalletRules;
import fr.marelle.wallet.wallet.query.WalletQueries;
import fr.marelle.wallet.wallet.query.WalletQueries.MovementView;
import fr.marelle.wallet.wallet.query.WalletQueries.ReservationView;
import fr.marelle.wallet.wallet.query.WalletQueries.WalletView;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A family's wallet: its figures, history and what is to come, for the family and staff; the alert threshold, which
 * the family chooses; and what finance staff record on its behalf — CESU cheques, cash and cheque payments, refunds
 * and adjustments, each with its reason. Each staff form carries an operation id chosen when the form is shown, so a
 * form sent twice records one movement.
 */
@RestController
class WalletController {

    static final Role[] READERS = {Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR};
    static final Role[] MONEY_HANDLERS = {Role.ADMIN, Role.FINANCE};
    /** {@link WalletRules#MAX_OPERATION}, as a constant for the annotations. */
    private static final long MAX = 1_000_000;

    record ThresholdRequest(@NotNull(message = "Le seuil est obligatoire.")
                            @Min(value = 0, message = "Le seuil ne peut pas être négatif.")
                            @Max(value = 100_000, message = "Le seuil ne peut pas dépasser 1 000,00 €.")
                            Long thresholdCents) {
    }

    record CesuChequeRequest(@NotNull(message = "L'identifiant d'opération est obligatoire.") UUID operationId,
                             @NotBlank(message = "Le numéro du chèque est obligatoire.")
                             @Size(max = 60, message = "60 caractères au plus.") String number,
                             @NotBlank(message = "L'émetteur du chèque est obligatoire.")
                             @Size(max = 200, message = "200 caractères au plus.") String issuer,
                             @NotNull(message = "Le montant est obligatoire.")
                             @Min(value = 1, message = "Le montant doit être supérieur à zéro.")
                             @Max(value = MAX, message = "Le montant ne peut pas dépasser 10 000,00 €.")
                             Long amountCents,
                             @NotBlank(message = "Le motif est obligatoire.")
                             @Size(max = 500, message = "500 caractères au plus.") String reason) {
    }

    record PaymentRequest(@NotNull(message = "L'identifiant d'opération est obligatoire.") UUID operationId,
                          @NotNull(message = "Le moyen de paiement est obligatoire.")
                          @Pattern(regexp = "CASH|CHEQUE", message = "Espèces ou chèque.") String method,
                          @NotNull(message = "Le montant est obligatoire.")
                          @Min(value = 1, message = "Le montant doit être supérieur à zéro.")
                          @Max(value = MAX, message = "Le montant ne peut pas dépasser 10 000,00 €.")
                          Long amountCents,
                          @Size(max = 60, message = "60 caractères au plus.") String chequeNumber,
                          @Size(max = 200, message = "200 caractères au plus.") String bank,
                          @NotBlank(message = "Le motif est obligatoire.")
                          @Size(max = 500, message = "500 caractères au plus.") String reason) {
    }

    record RefundRequest(@NotNull(message = "L'identifiant d'opération est obligatoire.") UUID operationId,
                         @NotNull(message = "Le montant est obligatoire.")
                         @Min(value = 1, message = "Le montant doit être supérieur à zéro.")
                         @Max(value = MAX, message = "Le montant ne peut pas dépasser 10 000,00 €.")
                         Long amountCents,
                         @Size(max = 60, message = "60 caractères au plus.") String reference,
                         @NotBlank(message = "Le motif est obligatoire.")
                         @Size(max = 500, message = "500 caractères au plus.") String reason) {
    }

    record AdjustmentRequest(@NotNull(message = "L'identifiant d'opération est obligatoire.") UUID operationId,
                             @NotNull(message = "Le solde est obligatoire.")
                             @Pattern(regexp = "MAIN|CESU", message = "Solde principal ou mercredi récréatif.")
                             String pocket,
                             @NotNull(message = "Le montant est obligatoire.")
                             @Min(value = -MAX, message = "Le montant ne peut pas dépasser 10 000,00 €.")
                             @Max(value = MAX, message = "Le montant ne peut pas dépasser 10 000,00 €.")
                             Long amountCents,
                             @NotBlank(message = "Le motif est obligatoire.")
                             @Size(max = 500, message = "500 caractères au plus.") String reason) {
    }

    /** What a staff operation did: its movement, the wallet's figures after it, and whether it is new. */
    record Recorded(UUID movementId, boolean recordedNow, long mainBalanceCents, long cesuBalanceCents,
                    long upcomingMainCents, long upcomingCesuCents) {

        static Recorded of(CreditRecorded recorded) {
            Balances b = recorded.balances();
            return new Recorded(recorded.movementId().value(), recorded.recordedNow(), b.main().cents(),
                    b.cesu().cents(), b.upcomingMain().cents(), b.upcomingCesu().cents());
        }
    }

    record Threshold(long thresholdCents) {
    }

    private final CommandGateway commands;
    private final WalletQueries queries;
    private final Validator validator;

    WalletController(CommandGateway commands, WalletQueries queries, Validator validator) {
        this.commands = commands;
        this.queries = queries;
        this.validator = validator;
    }

    @GetMapping("/api/families/{familyId}/wallet")
    WalletView wallet(@PathVariable UUID familyId) {
        return queries.wallet(readable(familyId));
    }

    /** Newest first, {@code limit} at a time; the next page starts {@code before} the last one's sequence. */
    @GetMapping("/api/families/{familyId}/wallet/movements")
    List<MovementView> movements(@PathVariable UUID familyId,
                                 @RequestParam(name = "before", required = false) Long before,
                                 @RequestParam(name = "limit", defaultValue = "50") int limit) {
        return queries.movements(readable(familyId), before, Math.min(Math.max(limit, 1), 200));
    }

    @GetMapping("/api/families/{familyId}/wallet/upcoming")
    List<ReservationView> upcoming(@PathVariable UUID familyId) {
        return queries.reservations(readable(familyId));
    }

    @GetMapping("/api/families/{familyId}/wallet/low-balance-threshold")
    Threshold threshold(@PathVariable UUID familyId) {
        return new Threshold(queries.wallet(readable(familyId)).lowBalanceThresholdCents());
    }

    /** The family chooses the balance under which it is alerted (staff may on its behalf). */
    @PutMapping("/api/families/{familyId}/wallet/low-balance-threshold")
    Threshold changeThreshold(@PathVariable UUID familyId, @RequestBody ThresholdRequest request) {
        UUID family = scoped(familyId);
        Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE);
        RequestValidation.check(validator, request, List.of());
        ConflictRetry.run(() -> commands.sendAndWait(new ChangeLowBalanceThreshold(new FamilyId(family),
                Money.ofCents(request.thresholdCents()))));
        return new Threshold(request.thresholdCents());
    }

    @PostMapping("/api/families/{familyId}/wallet/cesu-cheques")
    @ResponseStatus(HttpStatus.CREATED)
    Recorded cesuCheque(@PathVariable UUID familyId, @RequestBody CesuChequeRequest request) {
        Callers.require(MONEY_HANDLERS);
        RequestValidation.check(validator, request, List.of());
        return Recorded.of(send(new CreditWallet(new FamilyId(familyId),
                new MovementId(request.operationId()), Pocket.CESU, Money.ofCents(request.amountCents()),
                CreditKind.CESU_CHEQUE, request.number(), request.issuer(), request.reason())));
    }

    /** Cash or a bank cheque paid at the town hall, into the main balance. */
    @PostMapping("/api/families/{familyId}/wallet/payments")
    @ResponseStatus(HttpStatus.CREATED)
    Recorded payment(@PathVariable UUID familyId, @RequestBody PaymentRequest request) {
        Callers.require(MONEY_HANDLERS);
        List<FieldViolation> more = new ArrayList<>();
        if ("CHEQUE".equals(request.method()) && blank(request.chequeNumber())) {
            more.add(new FieldViolation("chequeNumber", "REQUIRED", "Le numéro du chèque est obligatoire."));
        }
        RequestValidation.check(validator, request, more);
        boolean cheque = "CHEQUE".equals(request.method());
        return Recorded.of(send(new CreditWallet(new FamilyId(familyId),
                new MovementId(request.operationId()), Pocket.MAIN, Money.ofCents(request.amountCents()),
                cheque ? CreditKind.CHEQUE : CreditKind.CASH, cheque ? request.chequeNumber() : null,
                cheque ? request.bank() : null, request.reason())));
    }

    @PostMapping("/api/families/{familyId}/wallet/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    Recorded refund(@PathVariable UUID familyId, @RequestBody RefundRequest request) {
        Callers.require(MONEY_HANDLERS);
        RequestValidation.check(validator, request, List.of());
        return Recorded.of(send(new CreditWallet(new FamilyId(familyId),
                new MovementId(request.operationId()), Pocket.MAIN, Money.ofCents(request.amountCents()),
                CreditKind.REFUND, request.reference(), null, request.reason())));
    }

    /** A correction either way, on either balance; the CESU balance never goes below zero. */
    @PostMapping("/api/families/{familyId}/wallet/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    Recorded adjustment(@PathVariable UUID familyId, @RequestBody AdjustmentRequest request) {
        Callers.require(MONEY_HANDLERS);
        List<FieldViolation> more = new ArrayList<>();
        if (request.amountCents() != null && request.amountCents() == 0) {
            more.add(new FieldViolation("amountCents", "RANGE", "Un ajustement de 0,00 € ne change rien."));
        }
        RequestValidation.check(validator, request, more);
        return Recorded.of(send(new AdjustWallet(new FamilyId(familyId),
                new MovementId(request.operationId()), Pocket.valueOf(request.pocket()),
                Money.ofCents(request.amountCents()), request.reason())));
    }

    /** A staff operation, tried again if it raced another write to the same wallet (see {@link ConflictRetry}). */
    private CreditRecorded send(Object command) {
        return ConflictRetry.run(() -> commands.sendAndWait(command));
    }

    /** The family a reader may see: a parent's own (another's answers 404), any for staff. */
    private static UUID readable(UUID familyId) {
        Callers.require(READERS);
        return scoped(familyId);
    }

    private static UUID scoped(UUID familyId) {
        return UUID.fromString(Callers.familyScope(familyId.toString()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
