package fr.marelle.accounts.staff;

import fr.marelle.accounts.credentials.AccountLinks;
import fr.marelle.accounts.credentials.CredentialStore;
import fr.marelle.accounts.credentials.LinkPurpose;
import fr.marelle.accounts.credentials.PasswordHasher;
import fr.marelle.accounts.credentials.PasswordPolicy;
import fr.marelle.accounts.staff.StaffCommands.ChangeStaffRole;
import fr.marelle.accounts.staff.StaffCommands.CreateStaffMember;
import fr.marelle.accounts.staff.StaffCommands.DeactivateStaffMember;
import fr.marelle.accounts.staff.StaffCommands.ReactivateStaffMember;
import fr.marelle.accounts.staff.StaffCommands.ResetSecondFactor;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Staff members and their roles. The first administrator exists at first start (from configuration, or with a
 * generated password printed once); others are invited by an administrator and choose their password from the link.
 * There is always at least one active administrator.
 */
@Service
public class StaffService {

    private static final Logger log = LoggerFactory.getLogger(StaffService.class);

    public record Invited(UUID staffId, String invitationRequestId) {
    }

    private final CommandGateway commands;
    private final CredentialStore credentials;
    private final AccountLinks links;
    private final PasswordHasher hasher;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StaffService(CommandGateway commands, CredentialStore credentials, AccountLinks links, PasswordHasher hasher,
                 TransactionTemplate transactions, Clock clock) {
        this.commands = commands;
        this.credentials = credentials;
        this.links = links;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The first administrator, created once, when no staff member exists. */
    @EventListener(ApplicationReadyEvent.class)
    public void ensureFirstAdministrator(ApplicationReadyEvent ready) {
        String email = ready.getApplicationContext().getEnvironment().getProperty("marelle.admin.email",
                "admin@marelle.local");
        String password = ready.getApplicationContext().getEnvironment().getProperty("marelle.admin.password", "");
        ActorContext.runAs(Actor.system("accounts-service"), null, () -> transactions.executeWithoutResult(s -> {
            if (credentials.anyStaff()) {
                return;
            }
            String chosen = password;
            if (chosen == null || chosen.isBlank()) {
                chosen = generatePassword();
                log.warn("Premier administrateur : {} / mot de passe : {} (affiché une seule fois ; "
                        + "le second facteur sera configuré à la première connexion)", email, chosen);
            } else {
                PasswordPolicy.check("password", chosen).ifPresent(v -> log.warn(
                        "Le mot de passe du premier administrateur ne suit pas la politique : {}", v.message()));
            }
            StaffId staffId = StaffId.random();
            commands.sendAndWait(new CreateStaffMember(staffId, CredentialStore.normalise(email), "Premier",
                    "administrateur", Role.ADMIN));
            credentials.setPassword(staffId.value(), hasher.hash(chosen), clock.instant());
            log.info("Premier administrateur créé : {}", email);
        }));
    }

    /** An administrator invites a staff member, who chooses a password from the emailed link. */
    public Invited invite(String email, String firstName, String lastName, Role role) {
        return transactions.execute(status -> {
            if (credentials.emailTaken(email)) {
                throw DomainException.conflict("EMAIL_ALREADY_USED", "Cette adresse est déjà celle d'un compte.");
            }
            StaffId staffId = StaffId.random();
            AccountLinks.Request invitation = links.open(staffId.value(), LinkPurpose.INVITATION);
            commands.sendAndWait(new CreateStaffMember(staffId, CredentialStore.normalise(email), firstName.strip(),
                    lastName.strip(), role));
            commands.sendAndWait(new StaffCommands.RecordStaffInvitation(staffId, invitation.requestId(),
                    invitation.expiresAt()));
            return new Invited(staffId.value(), invitation.requestId());
        });
    }

    public void changeRole(UUID staffId, Role role) {
        transactions.executeWithoutResult(status -> {
            keepAnAdministrator(staffId, role != Role.ADMIN);
            commands.sendAndWait(new ChangeStaffRole(new StaffId(staffId), role));
        });
    }

    public void deactivate(UUID staffId) {
        transactions.executeWithoutResult(status -> {
            keepAnAdministrator(staffId, true);
            commands.sendAndWait(new DeactivateStaffMember(new StaffId(staffId)));
        });
    }

    public void reactivate(UUID staffId) {
        commands.sendAndWait(new ReactivateStaffMember(new StaffId(staffId)));
    }

    /** A lost phone: the staff member enrols a new second factor at their next login. */
    public void resetSecondFactor(UUID staffId) {
        commands.sendAndWait(new ResetSecondFactor(new StaffId(staffId)));
    }

    /** Rule: the last active administrator can be neither demoted nor deactivated. */
    private void keepAnAdministrator(UUID staffId, boolean losesAdministration) {
        var target = credentials.lock(staffId).filter(c -> c.isStaff())
                .orElseThrow(() -> DomainException.notFound("STAFF_NOT_FOUND", "Membre du personnel introuvable."));
        if (losesAdministration && "ADMIN".equals(target.role()) && "ACTIVE".equals(target.status())
                && credentials.activeAdministrators() <= 1) {
            throw DomainException.rule("LAST_ADMINISTRATOR",
                    "Il doit rester au moins un administrateur actif.");
        }
    }

    static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
