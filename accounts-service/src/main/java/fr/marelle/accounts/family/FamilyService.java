package fr.marelle.accounts.family;

import fr.marelle.accounts.credentials.AccountLinks;
import fr.marelle.accounts.credentials.CredentialStore;
import fr.marelle.accounts.credentials.DuplicateKeys;
import fr.marelle.accounts.credentials.LinkPurpose;
import fr.marelle.accounts.family.FamilyCommands.AddGuardianToFamily;
import fr.marelle.accounts.family.FamilyCommands.ChangeFamilyAddress;
import fr.marelle.accounts.family.FamilyCommands.DeclareCafInformation;
import fr.marelle.accounts.family.FamilyCommands.OpenFamilyFile;
import fr.marelle.accounts.family.FamilyCommands.SaveEmergencyContacts;
import fr.marelle.accounts.guardian.GuardianCommands.ActivateAccount;
import fr.marelle.accounts.guardian.GuardianCommands.ChangeNewsletterConsent;
import fr.marelle.accounts.guardian.GuardianCommands.InviteGuardianToLogIn;
import fr.marelle.accounts.guardian.GuardianCommands.RecordGuardianWithoutLogin;
import fr.marelle.accounts.guardian.GuardianCommands.RefuseAccount;
import fr.marelle.accounts.guardian.GuardianCommands.UpdateGuardianProfile;
import fr.marelle.accounts.guardian.GuardianId;
import fr.marelle.accounts.guardian.GuardianProfile;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/**
 * Family files and their guardians, by the family itself or by staff on its behalf (the events then record the
 * staff member as the actor). Several commands of one request commit together or not at all.
 */
@Service
public class FamilyService {

    public record Opened(UUID familyId, UUID guardianId) {
    }

    private final CommandGateway commands;
    private final CredentialStore credentials;
    private final AccountLinks links;
    private final TransactionTemplate transactions;

    FamilyService(CommandGateway commands, CredentialStore credentials, AccountLinks links,
                  TransactionTemplate transactions) {
        this.commands = commands;
        this.credentials = credentials;
        this.links = links;
        this.transactions = transactions;
    }

    /** Staff open the file of a family offline; with an address and {@code invite}, the guardian gets a login. */
    public Opened openOffline(GuardianProfile guardian, Address address, String cafNumber, Integer qf,
                              String loginEmail, boolean invite) {
        return withUniqueEmail(() -> transactions.execute(status -> {
            FamilyId familyId = FamilyId.random();
            GuardianId guardianId = GuardianId.random();
            commands.sendAndWait(new OpenFamilyFile(familyId, guardianId, address, cafNumber, qf));
            commands.sendAndWait(new RecordGuardianWithoutLogin(guardianId, familyId, guardian));
            if (invite && loginEmail != null) {
                invite(guardianId, loginEmail);
            }
            return new Opened(familyId.value(), guardianId.value());
        }));
    }

    /** Another guardian (e.g. a separated parent) on the same family, with a login of their own if invited. */
    public UUID addGuardian(UUID familyId, GuardianProfile guardian, String loginEmail, boolean invite) {
        return withUniqueEmail(() -> transactions.execute(status -> {
            GuardianId guardianId = GuardianId.random();
            commands.sendAndWait(new AddGuardianToFamily(new FamilyId(familyId), guardianId));
            commands.sendAndWait(new RecordGuardianWithoutLogin(guardianId, new FamilyId(familyId), guardian));
            if (invite && loginEmail != null) {
                invite(guardianId, loginEmail);
            }
            return guardianId.value();
        }));
    }

    public void inviteToLogIn(UUID guardianId, String loginEmail) {
        withUniqueEmail(() -> transactions.execute(status -> {
            invite(new GuardianId(guardianId), loginEmail);
            return null;
        }));
    }

    private void invite(GuardianId guardianId, String loginEmail) {
        if (credentials.emailTaken(loginEmail)) {
            throw emailAlreadyUsed();
        }
        AccountLinks.Request invitation = links.open(guardianId.value(), LinkPurpose.INVITATION);
        commands.sendAndWait(new InviteGuardianToLogIn(guardianId, CredentialStore.normalise(loginEmail),
                invitation.requestId(), invitation.expiresAt()));
    }

    public void changeAddress(UUID familyId, Address address) {
        commands.sendAndWait(new ChangeFamilyAddress(new FamilyId(familyId), address));
    }

    /** The profile page saved (screen 7): the guardian's own details, the newsletter, the family's CAF data. */
    public void saveProfile(UUID familyId, UUID guardianId, GuardianProfile profile, boolean newsletterConsent,
                            String cafNumber, Integer quotientFamilial) {
        transactions.executeWithoutResult(status -> {
            commands.sendAndWait(new UpdateGuardianProfile(new GuardianId(guardianId), profile));
            commands.sendAndWait(new ChangeNewsletterConsent(new GuardianId(guardianId), newsletterConsent));
            commands.sendAndWait(new DeclareCafInformation(new FamilyId(familyId), cafNumber, quotientFamilial));
        });
    }

    public void saveEmergencyContacts(UUID familyId, List<EmergencyContact> contacts) {
        commands.sendAndWait(new SaveEmergencyContacts(new FamilyId(familyId), contacts));
    }

    public void activate(UUID guardianId) {
        commands.sendAndWait(new ActivateAccount(new GuardianId(guardianId)));
    }

    public void refuse(UUID guardianId, String reason) {
        commands.sendAndWait(new RefuseAccount(new GuardianId(guardianId), reason));
    }

    private <T> T withUniqueEmail(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (DuplicateKeys.causedBy(e)) {
                throw emailAlreadyUsed();
            }
            throw e;
        }
    }

    /** Staff may be told: they act for the family and must know why the login cannot be created. */
    private static DomainException emailAlreadyUsed() {
        return DomainException.conflict("EMAIL_ALREADY_USED", "Cette adresse est déjà celle d'un autre compte.");
    }
}
