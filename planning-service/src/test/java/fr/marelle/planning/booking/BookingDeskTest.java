package fr.marelle.planning.booking;

import fr.marelle.planning.booking.BookingDesk.SubmissionJob;
import fr.marelle.planning.booking.BookingDesk.Work;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.audit.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class BookingDeskTest {

    static Work submissionOf(UUID familyId, String correlationId) {
        Actor parent = new Actor(UUID.randomUUID().toString(), Role.PARENT, familyId.toString(), "203.0.113.7");
        return new Work(new SubmissionJob(UUID.randomUUID(), familyId, Instant.parse("2026-08-25T08:00:00Z"),
                List.of()), null, new ActorContext.Current(parent, correlationId), new CompletableFuture<>());
    }

    @Test
    void a_batch_of_one_familys_submissions_is_allocated_as_its_first_submitter() {
        UUID family = UUID.randomUUID();
        Work first = submissionOf(family, "corr-1");

        ActorContext.Current actor = BookingDesk.allocatingActor(List.of(first, submissionOf(family, "corr-2")));

        assertThat(actor).isEqualTo(first.actor());
        assertThat(actor.actor().familyId()).isEqualTo(family.toString());
    }

    @Test
    void a_batch_of_several_families_is_allocated_by_the_desk_and_names_no_family() {
        Work first = submissionOf(UUID.randomUUID(), "corr-1");

        ActorContext.Current actor = BookingDesk.allocatingActor(List.of(first,
                submissionOf(UUID.randomUUID(), "corr-2")));

        assertThat(actor.actor()).isEqualTo(BookingDesk.DESK);
        assertThat(actor.actor().role()).isEqualTo(Role.SYSTEM);
        assertThat(actor.actor().familyId()).isNull();
        assertThat(actor.correlationId()).as("the flow of the batch's first submission").isEqualTo("corr-1");
    }
}
