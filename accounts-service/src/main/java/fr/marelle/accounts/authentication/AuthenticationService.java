package fr.marelle.accounts.authentication;

import fr.marelle.accounts.credentials.AccountLinks;
import fr.marelle.accounts.credentials.Credential;
import fr.marelle.accounts.credentials.CredentialStore;
import fr.marelle.accounts.credentials.LinkPurpose;
import fr.marelle.accounts.credentials.LoginThrottle;
import fr.marelle.accounts.credentials.PasswordHasher;
import fr.marelle.accounts.credentials.SecondFactor;
import fr.marelle.accounts.staff.StaffCommands.RecordRecoveryCodeUse;
import fr.marelle.accounts.staff.StaffCommands.RecordSecondFactorEnrollment;
import fr.marelle.accounts.staff.StaffId;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.ErrorKind;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Checks logins for the gateway. Parents log in with their address and password; staff and auditors also with a
 * second factor (TOTP), enrolled at their first login, with recovery codes. Unknown addresses and wrong passwords get
 * the same answer in the same time; attempts are throttled without a lockout.
 */
@Service
public class AuthenticationService {

    /** Who logged in, for the gateway's session; {@code challenge} when a second step is due. */
    public record LoginOutcome(UUID userId, String kind, String role, UUID familyId, String displayName,
                               String status, String language, String secondFactor, String challenge,
                               String loginEmail) {
    }

    public record Enrollment(String secret, String otpauthUri, String qrCodeDataUri) {
    }

    public record EnrolledOutcome(LoginOutcome login, List<String> recoveryCodes) {
    }

    private final CredentialStore credentials;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AccountLinks links;
    private final SecondFactor secondFactor;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    AuthenticationService(CredentialStore credentials, PasswordHasher hasher, LoginThrottle throttle,
                          AccountLinks links, SecondFactor secondFactor, CommandGateway commands,
                          TransactionTemplate transactions, JdbcClient jdbc) {
        this.credentials = credentials;
        this.hasher = hasher;
        this.throttle = throttle;
        this.links = links;
        this.secondFactor = secondFactor;
        this.commands = commands;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public LoginOutcome authenticate(String email, String password, String clientIp) {
        LoginThrottle.Decision decision = throttle.login(email, clientIp);
        if (!decision.allowed()) {
            throw new DomainException(ErrorKind.TOO_MANY_ATTEMPTS, "TOO_MANY_ATTEMPTS",
                    "Trop de tentatives de connexion. Réessayez dans "
                            + Math.max(1, decision.retryAfter().toMinutes() + 1) + " minute(s).");
        }
        pause(decision);
        Optional<Credential> credential = credentials.byEmail(email);
        boolean matches = hasher.matches(password, credential.map(Credential::passwordHash).orElse(null));
        if (!matches || credential.map(c -> "DISABLED".equals(c.status())).orElse(true)) {
            throw invalidCredentials();
        }
        Credential login = credential.get();
        if (!login.isStaff()) {
            return outcome(login, "NONE", null);
        }
        String challenge = transactions.execute(status -> links.mint(
                links.open(login.userId(), LinkPurpose.LOGIN_CHALLENGE).requestId()));
        return outcome(login, login.totpEnabled() ? "REQUIRED" : "ENROLLMENT_REQUIRED", challenge);
    }

    /** The second step of a staff login: a code from the authenticator, or a recovery code. */
    public LoginOutcome verifySecondFactor(String challenge, String code) {
        return transactions.execute(status -> {
            AccountLinks.Request request = links.find(challenge, LinkPurpose.LOGIN_CHALLENGE)
                    .orElseThrow(AuthenticationService::challengeExpired);
            if (!throttle.secondFactor(request.userId().toString()).allowed()) {
                throw new DomainException(ErrorKind.TOO_MANY_ATTEMPTS, "TOO_MANY_ATTEMPTS",
                        "Trop de codes erronés. Patientez quelques minutes.");
            }
            Credential login = credentials.lock(request.userId()).orElseThrow(AuthenticationService::challengeExpired);
            if (!login.totpEnabled()) {
                throw challengeExpired();
            }
            if (!acceptCode(login, code)) {
                throw invalidCode();
            }
            links.redeem(challenge, LinkPurpose.LOGIN_CHALLENGE);
            return outcome(login, "DONE", null);
        });
    }

    /** First login of a staff member: a new seed to scan. Not active until a code from it is confirmed. */
    public Enrollment startEnrollment(String challenge) {
        return transactions.execute(status -> {
            AccountLinks.Request request = links.find(challenge, LinkPurpose.LOGIN_CHALLENGE)
                    .orElseThrow(AuthenticationService::challengeExpired);
            Credential login = credentials.lock(request.userId()).orElseThrow(AuthenticationService::challengeExpired);
            if (login.totpEnabled()) {
                throw DomainException.conflict("SECOND_FACTOR_ALREADY_ENROLLED",
                        "Un second facteur est déjà configuré pour ce compte.");
            }
            SecondFactor.Enrollment enrollment = secondFactor.newEnrollment(login.loginEmail());
            credentials.setTotp(login.userId(), secondFactor.seal(enrollment.secret(), login.userId().toString()),
                    false, List.of());
            return new Enrollment(enrollment.secret(), enrollment.otpauthUri(), enrollment.qrCodeDataUri());
        });
    }

    /** The code proves the seed was scanned: the second factor is on, and recovery codes are shown once. */
    public EnrolledOutcome confirmEnrollment(String challenge, String code) {
        return transactions.execute(status -> {
            AccountLinks.Request request = links.find(challenge, LinkPurpose.LOGIN_CHALLENGE)
                    .orElseThrow(AuthenticationService::challengeExpired);
            Credential login = credentials.lock(request.userId()).orElseThrow(AuthenticationService::challengeExpired);
            if (login.totpEnabled() || login.totpSecret() == null) {
                throw challengeExpired();
            }
            OptionalLong step = secondFactor.verify(login.totpSecret(), login.userId().toString(), code, null);
            if (step.isEmpty()) {
                throw invalidCode();
            }
            List<String> recoveryCodes = secondFactor.newRecoveryCodes();
            credentials.setTotp(login.userId(), login.totpSecret(), true,
                    recoveryCodes.stream().map(SecondFactor::hashRecoveryCode).toList());
            lastStep(login.userId(), step.getAsLong());
            commands.sendAndWait(new RecordSecondFactorEnrollment(new StaffId(login.userId())));
            links.redeem(challenge, LinkPurpose.LOGIN_CHALLENGE);
            return new EnrolledOutcome(outcome(login, "DONE", null), recoveryCodes);
        });
    }

    private boolean acceptCode(Credential login, String code) {
        if (code != null && code.strip().matches("[0-9]{6}")) {
            Long last = jdbc.sql("SELECT totp_last_step FROM credential WHERE user_id = ?").param(login.userId())
                    .query(Long.class).optional().orElse(null);
            OptionalLong step = secondFactor.verify(login.totpSecret(), login.userId().toString(), code, last);
            step.ifPresent(s -> lastStep(login.userId(), s));
            return step.isPresent();
        }
        String hash = SecondFactor.hashRecoveryCode(code);
        if (code != null && login.recoveryCodes().contains(hash)) {
            List<String> remaining = new ArrayList<>(login.recoveryCodes());
            remaining.remove(hash);
            credentials.setRecoveryCodes(login.userId(), remaining);
            commands.sendAndWait(new RecordRecoveryCodeUse(new StaffId(login.userId()), remaining.size()));
            return true;
        }
        return false;
    }

    private void lastStep(UUID userId, long step) {
        jdbc.sql("UPDATE credential SET totp_last_step = ? WHERE user_id = ?").params(step, userId).update();
    }

    private static LoginOutcome outcome(Credential login, String secondFactor, String challenge) {
        return new LoginOutcome(login.userId(), login.kind(), login.role(), login.familyId(), login.displayName(),
                login.status(), login.language(), secondFactor, challenge, login.loginEmail());
    }

    private static void pause(LoginThrottle.Decision decision) {
        if (!decision.slowDown().isZero()) {
            try {
                Thread.sleep(decision.slowDown().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static DomainException invalidCredentials() {
        return new DomainException(ErrorKind.RULE_VIOLATED, "INVALID_CREDENTIALS",
                "Adresse e-mail ou mot de passe incorrect.");
    }

    static DomainException invalidCode() {
        return new DomainException(ErrorKind.RULE_VIOLATED, "INVALID_CODE", "Ce code n'est pas valable.");
    }

    static DomainException challengeExpired() {
        return DomainException.rule("LOGIN_EXPIRED", "La connexion a expiré ; recommencez.");
    }
}
