package fr.marelle.accounts.staff;

import fr.marelle.accounts.staff.StaffCommands.ChangeStaffRole;
import fr.marelle.accounts.staff.StaffCommands.CreateStaffMember;
import fr.marelle.accounts.staff.StaffEvents.StaffMemberCreated;
import fr.marelle.accounts.staff.StaffEvents.StaffRoleChanged;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StaffMemberTest {

    final StaffId id = StaffId.random();
    AggregateTestFixture<StaffMember> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffMember.class);
    }

    @Nested
    class Creating {
        @Test
        void a_staff_member_has_a_staff_role() {
            fixture.givenNoPriorActivity()
                    .when(new CreateStaffMember(id, "agent@vincey.fr", "Anne", "Agent", Role.AGENT))
                    .expectEvents(new StaffMemberCreated(id, "agent@vincey.fr", "Anne", "Agent", Role.AGENT));
        }

        @Test
        void refuses_the_parent_role() {
            fixture.givenNoPriorActivity()
                    .when(new CreateStaffMember(id, "x@vincey.fr", "X", "Y", Role.PARENT))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class ChangingRole {
        @Test
        void records_the_previous_role() {
            fixture.given(new StaffMemberCreated(id, "a@vincey.fr", "A", "B", Role.AGENT))
                    .when(new ChangeStaffRole(id, Role.FINANCE))
                    .expectEvents(new StaffRoleChanged(id, Role.AGENT, Role.FINANCE));
        }

        @Test
        void refuses_the_system_role() {
            fixture.given(new StaffMemberCreated(id, "a@vincey.fr", "A", "B", Role.AGENT))
                    .when(new ChangeStaffRole(id, Role.SYSTEM))
                    .expectException(DomainException.class);
        }
    }
}
