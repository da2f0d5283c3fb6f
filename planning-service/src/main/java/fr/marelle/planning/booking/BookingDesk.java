package fr.marelle.planning.booking;

import fr.marelle.planning.booking.AllocationCommands.AllocatePlaces;
import fr.marelle.planning.booking.AllocationCommands.PlaceRequest;
import fr.marelle.planning.booking.BookingCommands.NewBooking;
import fr.marelle.planning.booking.BookingCommands.RecordBookings;
import fr.marelle.planning.booking.Submission.RecordSubmission;
import fr.marelle.planning.booking.Submission.SubmittedLine;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.ErrorKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The single writer of a service's bookings and places (ADR 0013). Every change to a {@link ServiceDayAllocator} or a
 * {@link ChildMonth} goes through this desk: one thread takes whatever work is waiting and does it in one unit of
 * work and one database transaction (group commit). Submissions waiting together are allocated together: one
 * {@code AllocatePlaces} per service-day for all of them, so a hot day gets one event per batch, not one per family,
 * and nobody contends for it. When a batch fails (a child booked twice by two submissions of one batch, a rule), each
 * of its jobs is done again alone, so one refusal never takes the others down; a write lost to another replica
 * ({@link ConcurrencyException}) is retried.
 */
@Component
public class BookingDesk implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BookingDesk.class);
    /** The actor of allocations that serve several families at once. */
    static final Actor DESK = Actor.system("planning-service:booking-desk");
    private static final int MAX_RETRIES = 5;

    /** A child-day to book, with what its allocator needs. */
    public record DayRequest(UUID bookingId, UUID childId, String serviceId, LocalDate date, String dayId,
                             String pool, int capacity) {
    }

    /** A whole submission: one family, one or several children, one service. */
    public record SubmissionJob(UUID submissionId, UUID familyId, Instant submittedAt, List<DayRequest> days) {
    }

    /** The outcome of each child-day of a submission, by booking id. */
    public record SubmissionResult(UUID submissionId, Map<UUID, String> outcomes) {
    }

    record Work(Object job, Supplier<?> task, ActorContext.Current actor, CompletableFuture<Object> result) {
    }

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final int maxBatch;
    private final Duration timeout;
    private final Timer batches;
    private volatile boolean running;
    private Thread worker;

    BookingDesk(CommandGateway commands, TransactionManager transactions, MeterRegistry meters,
                @Value("${marelle.planning.desk.max-batch:64}") int maxBatch,
                @Value("${marelle.planning.desk.timeout:30s}") Duration timeout) {
        this.commands = commands;
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        this.batches = Timer.builder("marelle.planning.desk.batch").description("One batch of the booking desk")
                .register(meters);
    }

    /** Books the submission's child-days (booked or waitlisted), all or nothing; waits for the outcome. */
    public SubmissionResult submit(SubmissionJob job) {
        return (SubmissionResult) await(new Work(job, null, currentActor(), new CompletableFuture<>()));
    }

    /** Any other change of bookings or places, done on the desk's thread in a unit of work. */
    @SuppressWarnings("unchecked")
    public <T> T run(Supplier<T> task) {
        return (T) await(new Work(null, task, currentActor(), new CompletableFuture<>()));
    }

    private Object await(Work work) {
        if (!running) {
            throw new DomainException(ErrorKind.UNAVAILABLE, "PLANNING_UNAVAILABLE",
                    "Les réservations sont momentanément indisponibles ; réessayez.");
        }
        queue.add(work);
        try {
            return work.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new DomainException(ErrorKind.UNAVAILABLE, "PLANNING_BUSY",
                    "Les réservations sont très demandées en ce moment ; réessayez dans un instant.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ActorContext.Current currentActor() {
        return ActorContext.current().orElseThrow(() -> new IllegalStateException("Bookings need an actor"));
    }

    // ------------------------------------------------------------------------------------------------ the thread

    private void loop() {
        List<Work> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Work first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                Timer.Sample sample = Timer.start();
                process(batch);
                sample.stop(batches);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Booking desk batch failed unexpectedly", e);
                batch.forEach(w -> w.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Work> batch) {
        try {
            Map<Work, Object> results = withRetries(() -> inOneUnitOfWork(batch));
            results.forEach((work, result) -> work.result().complete(result));
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(unwrap(batchFailure));
                return;
            }
            log.debug("A batch of {} failed ({}); each job again alone", batch.size(), batchFailure.toString());
            for (Work work : batch) {
                try {
                    Map<Work, Object> result = withRetries(() -> inOneUnitOfWork(List.of(work)));
                    work.result().complete(result.get(work));
                } catch (RuntimeException e) {
                    work.result().completeExceptionally(unwrap(e));
                }
            }
        }
    }

    private Map<Work, Object> withRetries(Supplier<Map<Work, Object>> attempt) {
        for (int i = 0; ; i++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (i >= MAX_RETRIES || !isConcurrency(e)) {
                    throw e;
                }
                log.debug("Booking desk lost a concurrent write, retry {}", i + 1);
            }
        }
    }

    /** Every job of the batch in one unit of work: commands are nested in it, so their events commit together. */
    private Map<Work, Object> inOneUnitOfWork(List<Work> batch) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        Map<Work, Object> results = new LinkedHashMap<>();
        try {
            List<Work> submissions = batch.stream().filter(w -> w.job() instanceof SubmissionJob).toList();
            if (!submissions.isEmpty()) {
                results.putAll(book(submissions));
            }
            for (Work work : batch) {
                if (work.task() != null) {
                    results.put(work, callAs(work.actor(), work.task()));
                }
            }
            unitOfWork.commit();
            return results;
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    /** One allocation per service-day for every submission of the batch, in the order they arrived. */
    @SuppressWarnings("unchecked")
    private Map<Work, Object> book(List<Work> submissions) {
        Map<String, List<DayRequest>> byDay = new LinkedHashMap<>();
        Map<UUID, UUID> familyOfBooking = new java.util.HashMap<>();
        for (Work work : submissions) {
            SubmissionJob job = (SubmissionJob) work.job();
            for (DayRequest day : job.days()) {
                byDay.computeIfAbsent(day.dayId(), k -> new ArrayList<>()).add(day);
                familyOfBooking.put(day.bookingId(), job.familyId());
            }
        }
        Map<UUID, String> outcomes = new java.util.HashMap<>();
        // the allocations run as the submitter when the batch is one family's; a batch of several families' is
        // decided by the desk itself, so that no family is named in the audit record of another's places
        callAs(allocatingActor(submissions), () -> {
            byDay.forEach((dayId, days) -> {
                DayRequest first = days.get(0);
                Map<UUID, String> decided = (Map<UUID, String>) commands.sendAndWait(new AllocatePlaces(dayId,
                        first.serviceId(), first.date(), first.pool(), first.capacity(), days.stream()
                        .map(d -> new PlaceRequest(d.bookingId(), d.childId(), familyOfBooking.get(d.bookingId())))
                        .toList()));
                outcomes.putAll(decided);
            });
            return null;
        });
        Map<Work, Object> results = new LinkedHashMap<>();
        for (Work work : submissions) {
            SubmissionJob job = (SubmissionJob) work.job();
            callAs(work.actor(), () -> {
                Map<String, List<DayRequest>> byChildMonth = new LinkedHashMap<>();
                for (DayRequest day : job.days()) {
                    byChildMonth.computeIfAbsent(ChildMonthId.of(day.childId(), day.date()), k -> new ArrayList<>())
                            .add(day);
                }
                byChildMonth.forEach((childMonthId, days) -> commands.sendAndWait(new RecordBookings(childMonthId,
                        days.get(0).childId(), job.familyId(), job.submissionId(), days.stream()
                        .map(d -> new NewBooking(d.bookingId(), d.serviceId(), d.date(), d.dayId(),
                                outcomes.get(d.bookingId())))
                        .toList())));
                commands.sendAndWait(new RecordSubmission(job.submissionId(), job.familyId(), job.submittedAt(),
                        job.days().stream().map(d -> new SubmittedLine(d.bookingId(), d.childId(), d.serviceId(),
                                d.date(), outcomes.get(d.bookingId()))).toList()));
                return null;
            });
            Map<UUID, String> own = new LinkedHashMap<>();
            job.days().forEach(d -> own.put(d.bookingId(), outcomes.get(d.bookingId())));
            results.put(work, new SubmissionResult(job.submissionId(), own));
        }
        return results;
    }

    /**
     * Who allocates a batch's places, as the audit records it: the submitter when every submission of the batch is
     * one family's; else the desk ({@link #DESK}), under the first submission's correlation id (each family's own
     * bookings and submission are still recorded as theirs).
     */
    static ActorContext.Current allocatingActor(List<Work> submissions) {
        ActorContext.Current first = submissions.get(0).actor();
        boolean oneFamily = submissions.stream()
                .map(work -> ((SubmissionJob) work.job()).familyId())
                .distinct().count() == 1;
        return oneFamily ? first : new ActorContext.Current(DESK, first.correlationId());
    }

    private static <T> T callAs(ActorContext.Current actor, Supplier<T> task) {
        try {
            return ActorContext.callAs(actor.actor(), actor.correlationId(), task::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isConcurrency(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    /** The domain refusal inside a command failure, as the caller expects it. */
    static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException domain) {
                return domain;
            }
            if (t instanceof CommandExecutionException execution && execution.getDetails().isPresent()
                    && execution.getDetails().get() instanceof DomainException domain) {
                return domain;
            }
        }
        return e;
    }

    // --------------------------------------------------------------------------------------------- lifecycle

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "booking-desk");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started after Axon's configuration, stopped before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
