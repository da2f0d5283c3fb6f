package fr.marelle.accounts.staff;

import fr.marelle.accounts.staff.StaffCommands.ChangeStaffRole;
import fr.marelle.accounts.staff.StaffCommands.CreateStaffMember;
import fr.marelle.accounts.staff.StaffCommands.DeactivateStaffMember;
import fr.marelle.accounts.staff.StaffCommands.ReactivateStaffMember;
import fr.marelle.accounts.staff.StaffCommands.RecordRecoveryCodeUse;
import fr.marelle.accounts.staff.StaffCommands.RecordSecondFactorEnrollment;
import fr.marelle.accounts.staff.StaffCommands.RecordStaffPasswordChange;
import fr.marelle.accounts.staff.StaffCommands.ResetSecondFactor;
import fr.marelle.accounts.staff.StaffEvents.RecoveryCodeUsed;
import fr.marelle.accounts.staff.StaffEvents.SecondFactorEnrolled;
import fr.marelle.accounts.staff.StaffEvents.SecondFactorReset;
import fr.marelle.accounts.staff.StaffEvents.StaffMemberCreated;
import fr.marelle.accounts.staff.StaffEvents.StaffMemberDeactivated;
import fr.marelle.accounts.staff.StaffEvents.StaffMemberReactivated;
import fr.marelle.accounts.staff.StaffEvents.StaffPasswordChanged;
import fr.marelle.accounts.staff.StaffEvents.StaffRoleChanged;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A member of the town's staff: administrator, agent, finance or auditor. */
@Aggregate
public class StaffMember {

    @AggregateIdentifier
    private StaffId staffId;
    private Role role;
    private boolean active;
    private String email;
    private String firstName;

    protected StaffMember() {
    }

    @CommandHandler
    public StaffMember(CreateStaffMember command) {
        staffRoleOnly(command.role());
        apply(new StaffMemberCreated(command.staffId(), command.email(), command.firstName(), command.lastName(),
                command.role()));
    }

    @CommandHandler
    void handle(StaffCommands.RecordStaffInvitation command) {
        apply(new StaffEvents.StaffInvitationSent(staffId, email, firstName, command.requestId(),
                command.expiresAt()));
    }

    @CommandHandler
    void handle(ChangeStaffRole command) {
        staffRoleOnly(command.role());
        if (command.role() != role) {
            apply(new StaffRoleChanged(staffId, role, command.role()));
        }
    }

    @CommandHandler
    void handle(DeactivateStaffMember command) {
        if (active) {
            apply(new StaffMemberDeactivated(staffId));
        }
    }

    @CommandHandler
    void handle(ReactivateStaffMember command) {
        if (!active) {
            apply(new StaffMemberReactivated(staffId));
        }
    }

    @CommandHandler
    void handle(RecordSecondFactorEnrollment command) {
        apply(new SecondFactorEnrolled(staffId));
    }

    @CommandHandler
    void handle(RecordRecoveryCodeUse command) {
        apply(new RecoveryCodeUsed(staffId, command.remaining()));
    }

    @CommandHandler
    void handle(RecordStaffPasswordChange command) {
        apply(new StaffPasswordChanged(staffId));
    }

    @CommandHandler
    void handle(ResetSecondFactor command) {
        apply(new SecondFactorReset(staffId));
    }

    /** Staff accounts carry a staff role, never the parent's or the system's. */
    private static void staffRoleOnly(Role role) {
        if (role == null || !role.isStaff()) {
            throw DomainException.rule("STAFF_ROLE_INVALID",
                    "Le rôle doit être administrateur, agent, finances ou auditeur.");
        }
    }

    @EventSourcingHandler
    void on(StaffMemberCreated event) {
        staffId = event.staffId();
        role = event.role();
        active = true;
        email = event.email();
        firstName = event.firstName();
    }

    @EventSourcingHandler
    void on(StaffRoleChanged event) {
        role = event.role();
    }

    @EventSourcingHandler
    void on(StaffMemberDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(StaffMemberReactivated event) {
        active = true;
    }
}
