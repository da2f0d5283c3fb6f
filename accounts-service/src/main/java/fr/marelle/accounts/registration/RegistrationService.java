package fr.marelle.accounts.registration;

import fr.marelle.accounts.credentials.AccountLinks;
import fr.marelle.accounts.credentials.Credential;
import fr.marelle.accounts.credentials.CredentialStore;
import fr.marelle.accounts.credentials.LinkPurpose;
import fr.marelle.accounts.credentials.LoginThrottle;
import fr.marelle.accounts.credentials.PasswordHasher;
import fr.marelle.accounts.family.Address;
import fr.marelle.accounts.family.FamilyCommands.OpenFamilyFile;
import fr.marelle.accounts.family.FamilyId;
import fr.marelle.accounts.guardian.GuardianCommands.RecordRegistrationAttempt;
import fr.marelle.accounts.guardian.GuardianCommands.RegisterGuardian;
import fr.marelle.accounts.guardian.GuardianId;
import fr.marelle.accounts.guardian.GuardianProfile;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.ErrorKind;
import fr.marelle.platform.eventstore.ConcurrencyRetryScheduler;
import fr.marelle.platform.validation.PhoneNumbers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import fr.marelle.accounts.credentials.DuplicateKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.UUID;

/**
 * A parent registers: a family file and its first guardian, a password, and an address to confirm. An address that
 * already has an account gets exactly the same answer (and as long to get it), and its owner is told by email: the
 * registration page never reveals whether an address is known.
 */
@Service
public class RegistrationService {

    /** What the gateway needs to open the new parent's (restricted) session. */
    public record Registered(UUID userId, UUID familyId, String displayName, String status) {
    }

    private final CommandGateway commands;
    private final CredentialStore credentials;
    private final AccountLinks links;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RegistrationService(CommandGateway commands, CredentialStore credentials, AccountLinks links,
                        PasswordHasher hasher, LoginThrottle throttle, TransactionTemplate transactions, Clock clock) {
        this.commands = commands;
        this.credentials = credentials;
        this.links = links;
        this.hasher = hasher;
        this.throttle = throttle;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The request is already valid (fields and password policy). */
    public Registered register(RegistrationRequest request, String clientIp) {
        LoginThrottle.Decision decision = throttle.registration(clientIp);
        if (!decision.allowed()) {
            throw new DomainException(ErrorKind.TOO_MANY_ATTEMPTS, "TOO_MANY_ATTEMPTS",
                    "Trop d'inscriptions depuis cette connexion ; réessayez plus tard.");
        }
        String displayName = request.firstName().strip() + " " + request.lastName().strip();
        String hash = hasher.hash(request.password()); // hashed in every case: same work, same time
        try {
            Registered registered = transactions.execute(status -> {
                if (credentials.emailTaken(request.email())) {
                    return null;
                }
                return create(request, hash, displayName);
            });
            if (registered != null) {
                return registered;
            }
        } catch (RuntimeException e) {
            if (!DuplicateKeys.causedBy(e)) {
                throw e;
            }
            // another registration claimed the address at the same moment: the same answer as any known address
        }
        tellTheOwner(request.email());
        return new Registered(UUID.randomUUID(), UUID.randomUUID(), displayName, "EMAIL_UNVERIFIED");
    }

    private Registered create(RegistrationRequest request, String hash, String displayName) {
        FamilyId familyId = FamilyId.random();
        GuardianId guardianId = GuardianId.random();
        AccountLinks.Request verification = links.open(guardianId.value(), LinkPurpose.EMAIL_VERIFICATION);
        commands.sendAndWait(new OpenFamilyFile(familyId, guardianId,
                new Address(request.addressLine1().strip(), blankToNull(request.addressLine2()),
                        request.postcode(), request.city().strip()),
                blankToNull(request.cafNumber()), request.quotientFamilial()));
        String language = request.language() == null || request.language().isBlank() ? "fr" : request.language();
        String email = CredentialStore.normalise(request.email());
        commands.sendAndWait(new RegisterGuardian(guardianId, familyId,
                new GuardianProfile(request.civility(), request.firstName().strip(), request.lastName().strip(),
                        PhoneNumbers.toE164(request.mainPhone()).orElseThrow(),
                        PhoneNumbers.toE164(request.secondaryPhone()).orElse(null), email, null, language),
                email, request.newsletterConsent(), verification.requestId(), verification.expiresAt()));
        credentials.setPassword(guardianId.value(), hash, clock.instant());
        return new Registered(guardianId.value(), familyId.value(), displayName, "EMAIL_UNVERIFIED");
    }

    /**
     * Sent outside any transaction, so that attempts racing on the owner's stream (several registrations of one
     * address at once) are retried by the command gateway instead of answered with a conflict. An attempt that still
     * loses after the retries is dropped: the concurrent attempt that won has told the owner at the same moment.
     */
    private void tellTheOwner(String email) {
        transactions.execute(status -> credentials.byEmail(email))
                .filter(existing -> !existing.isStaff())
                .map(Credential::userId)
                .ifPresent(owner -> {
                    try {
                        commands.sendAndWait(new RecordRegistrationAttempt(new GuardianId(owner)));
                    } catch (RuntimeException e) {
                        if (!ConcurrencyRetryScheduler.isConcurrencyFailure(e)) {
                            throw e;
                        }
                    }
                });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
