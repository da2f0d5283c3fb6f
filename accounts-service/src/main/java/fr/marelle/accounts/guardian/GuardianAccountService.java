package fr.marelle.accounts.guardian;

import fr.marelle.accounts.credentials.AccountLinks;
import fr.marelle.accounts.credentials.Credential;
import fr.marelle.accounts.credentials.CredentialStore;
import fr.marelle.accounts.credentials.DuplicateKeys;
import fr.marelle.accounts.credentials.LinkPurpose;
import fr.marelle.accounts.credentials.LoginThrottle;
import fr.marelle.accounts.credentials.PasswordHasher;
import fr.marelle.accounts.credentials.PasswordPolicy;
import fr.marelle.accounts.guardian.GuardianCommands.AcceptLoginInvitation;
import fr.marelle.accounts.guardian.GuardianCommands.CompletePasswordReset;
import fr.marelle.accounts.guardian.GuardianCommands.ConfirmLoginEmailChange;
import fr.marelle.accounts.guardian.GuardianCommands.RecordPasswordChange;
import fr.marelle.accounts.guardian.GuardianCommands.RequestEmailVerification;
import fr.marelle.accounts.guardian.GuardianCommands.RequestLoginEmailChange;
import fr.marelle.accounts.guardian.GuardianCommands.RequestPasswordReset;
import fr.marelle.accounts.guardian.GuardianCommands.VerifyEmail;
import fr.marelle.accounts.staff.StaffCommands.RecordStaffPasswordChange;
import fr.marelle.accounts.staff.StaffId;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What a login's owner does with single-use links and passwords: confirm an address, reset a forgotten password,
 * change the password or the login address, accept an invitation. Each link works once, before it expires.
 */
@Service
public class GuardianAccountService {

    private final CommandGateway commands;
    private final CredentialStore credentials;
    private final AccountLinks links;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TransactionTemplate transactions;
    private final Clock clock;

    GuardianAccountService(CommandGateway commands, CredentialStore credentials, AccountLinks links,
                           PasswordHasher hasher, LoginThrottle throttle, TransactionTemplate transactions,
                           Clock clock) {
        this.commands = commands;
        this.credentials = credentials;
        this.links = links;
        this.hasher = hasher;
        this.throttle = throttle;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return the guardian whose address is now confirmed */
    public UUID verifyEmail(String token) {
        return transactions.execute(status -> {
            AccountLinks.Request request = links.redeem(token, LinkPurpose.EMAIL_VERIFICATION);
            commands.sendAndWait(new VerifyEmail(new GuardianId(request.userId()), request.requestId()));
            return request.userId();
        });
    }

    /** A new verification link, for an address not confirmed yet; unknown ids change nothing, silently. */
    public void resendVerification(UUID userId) {
        if (!throttle.passwordReset("verify:" + userId, null)) {
            return;
        }
        transactions.executeWithoutResult(status -> credentials.byId(userId)
                .filter(c -> AccountStatus.EMAIL_UNVERIFIED.name().equals(c.status()))
                .ifPresent(c -> {
                    AccountLinks.Request request = links.open(userId, LinkPurpose.EMAIL_VERIFICATION);
                    commands.sendAndWait(new RequestEmailVerification(new GuardianId(userId), request.requestId(),
                            request.expiresAt()));
                }));
    }

    /** The same answer whatever the address: known or not, throttled or not. */
    public void requestPasswordReset(String email, String clientIp) {
        if (!throttle.passwordReset(email, clientIp)) {
            return;
        }
        transactions.executeWithoutResult(status -> credentials.byEmail(email)
                .filter(c -> !c.isStaff() && c.passwordHash() != null)
                .ifPresent(c -> {
                    AccountLinks.Request request = links.open(c.userId(), LinkPurpose.PASSWORD_RESET);
                    commands.sendAndWait(new RequestPasswordReset(new GuardianId(c.userId()), request.requestId(),
                            request.expiresAt()));
                }));
    }

    /** @return the user whose password was reset (the gateway ends their sessions) */
    public UUID completePasswordReset(String token, String newPassword) {
        return transactions.execute(status -> {
            AccountLinks.Request request = links.redeem(token, LinkPurpose.PASSWORD_RESET);
            Credential login = credentials.lock(request.userId()).orElseThrow(AccountLinks::noLongerValidLink);
            checkPolicy("password", newPassword, login);
            credentials.setPassword(login.userId(), hasher.hash(newPassword), clock.instant());
            commands.sendAndWait(new CompletePasswordReset(new GuardianId(login.userId()), request.requestId()));
            return login.userId();
        });
    }

    /** The owner, logged in, changes their password: the current one is required. */
    public void changePassword(UUID userId, String currentPassword, String newPassword) {
        transactions.executeWithoutResult(status -> {
            Credential login = credentials.lock(userId).orElseThrow(() -> DomainException.notFound(
                    "ACCOUNT_NOT_FOUND", "Compte introuvable."));
            requireCurrentPassword(login, currentPassword);
            checkPolicy("newPassword", newPassword, login);
            credentials.setPassword(userId, hasher.hash(newPassword), clock.instant());
            if (login.isStaff()) {
                commands.sendAndWait(new RecordStaffPasswordChange(new StaffId(userId)));
            } else {
                commands.sendAndWait(new RecordPasswordChange(new GuardianId(userId)));
            }
        });
    }

    /** A link goes to the new address; the current password is required. */
    public void requestEmailChange(UUID userId, String newEmail, String currentPassword) {
        transactions.executeWithoutResult(status -> {
            Credential login = credentials.lock(userId).orElseThrow(() -> DomainException.notFound(
                    "ACCOUNT_NOT_FOUND", "Compte introuvable."));
            if (login.isStaff()) {
                throw DomainException.rule("STAFF_EMAIL_MANAGED_BY_ADMINISTRATORS",
                        "L'adresse d'un membre du personnel est changée par un administrateur.");
            }
            requireCurrentPassword(login, currentPassword);
            AccountLinks.Request request = links.open(userId, LinkPurpose.EMAIL_CHANGE);
            commands.sendAndWait(new RequestLoginEmailChange(new GuardianId(userId),
                    CredentialStore.normalise(newEmail), request.requestId(), request.expiresAt()));
        });
    }

    /** @return the user whose login address changed (the gateway ends their other sessions) */
    public UUID confirmEmailChange(String token) {
        try {
            return transactions.execute(status -> {
                AccountLinks.Request request = links.redeem(token, LinkPurpose.EMAIL_CHANGE);
                commands.sendAndWait(new ConfirmLoginEmailChange(new GuardianId(request.userId()),
                        request.requestId()));
                return request.userId();
            });
        } catch (RuntimeException e) {
            if (DuplicateKeys.causedBy(e)) {
                throw DomainException.conflict("EMAIL_ALREADY_USED",
                        "Cette adresse est déjà celle d'un autre compte.");
            }
            throw e;
        }
    }

    /** An invited guardian or staff member chooses a password; the login is then usable. */
    public UUID acceptInvitation(String token, String password) {
        return transactions.execute(status -> {
            AccountLinks.Request request = links.redeem(token, LinkPurpose.INVITATION);
            Credential login = credentials.lock(request.userId()).orElseThrow(AccountLinks::noLongerValidLink);
            checkPolicy("password", password, login);
            credentials.setPassword(login.userId(), hasher.hash(password), clock.instant());
            if (!login.isStaff()) {
                commands.sendAndWait(new AcceptLoginInvitation(new GuardianId(login.userId()), request.requestId()));
            } else {
                commands.sendAndWait(new RecordStaffPasswordChange(new StaffId(login.userId())));
            }
            return login.userId();
        });
    }

    private void requireCurrentPassword(Credential login, String currentPassword) {
        if (!hasher.matches(currentPassword, login.passwordHash())) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.",
                    List.of(new FieldViolation("currentPassword", "WRONG_PASSWORD",
                            "Le mot de passe actuel est incorrect.")));
        }
    }

    private static void checkPolicy(String field, String password, Credential login) {
        String local = login.loginEmail() == null ? null : login.loginEmail().split("@")[0];
        PasswordPolicy.check(field, password, local, login.displayName().split(" ")[0])
                .ifPresent(v -> {
                    throw DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.",
                            List.of(v));
                });
    }
}
