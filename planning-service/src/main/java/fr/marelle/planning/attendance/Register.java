package fr.marelle.planning.attendance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The attendance register ("pointage") of one service, day and school: what each child did, recorded apart from the
 * bookings because the CAF funds the hours actually attended. Closing it settles the day in one batch.
 */
@Aggregate
public class Register {

    public static final String PRESENT = "PRESENT";
    public static final String ABSENT_UNEXCUSED = "ABSENT_UNEXCUSED";
    public static final String ABSENT_EXCUSED = "ABSENT_EXCUSED";
    public static final String PRESENT_UNBOOKED = "PRESENT_UNBOOKED";

    /** A booked child the register must account for when it closes. */
    public record Expected(UUID bookingId, UUID childId, UUID familyId) {
    }

    public record Mark(UUID childId, UUID familyId, UUID bookingId, String state, BigDecimal hours) {
    }

    public record MarkAttendance(@TargetAggregateIdentifier String registerId, String serviceId, LocalDate date,
                                 String schoolKey, LocalDate today, Mark mark) {
    }

    /** @param remainingAs what unmarked booked children were ({@code PRESENT} or {@code ABSENT_UNEXCUSED}), or null */
    public record CloseRegister(@TargetAggregateIdentifier String registerId, String serviceId, LocalDate date,
                                String schoolKey, LocalDate today, Instant closedAt, List<Expected> expected,
                                String remainingAs, BigDecimal hoursPerUnit) {
    }

    @Revision("1")
    public record AttendanceMarked(String registerId, String serviceId, LocalDate date, String schoolKey,
                                   Mark mark) {
    }

    @Revision("1")
    public record RegisterClosed(String registerId, String serviceId, LocalDate date, String schoolKey,
                                 Instant closedAt, List<Mark> records) {
    }

    @AggregateIdentifier
    private String registerId;
    private final Map<UUID, Mark> marks = new LinkedHashMap<>();
    private boolean closed;

    protected Register() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(MarkAttendance command) {
        RegisterRules.isOpen(closed, command.date(), command.today());
        RegisterRules.markIsConsistent(command.mark());
        if (!command.mark().equals(marks.get(command.mark().childId()))) {
            apply(new AttendanceMarked(command.registerId(), command.serviceId(), command.date(), command.schoolKey(),
                    command.mark()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CloseRegister command) {
        RegisterRules.isOpen(closed, command.date(), command.today());
        List<Mark> records = new ArrayList<>();
        List<UUID> unmarked = new ArrayList<>();
        for (Expected expected : command.expected()) {
            Mark mark = marks.get(expected.childId());
            if (mark != null) {
                records.add(mark);
            } else if (command.remainingAs() != null) {
                records.add(new Mark(expected.childId(), expected.familyId(), expected.bookingId(),
                        command.remainingAs(), RegisterRules.hoursFor(command.remainingAs(), command.hoursPerUnit())));
            } else {
                unmarked.add(expected.childId());
            }
        }
        RegisterRules.everyBookedChildIsAccountedFor(unmarked, command.remainingAs());
        marks.values().stream().filter(m -> PRESENT_UNBOOKED.equals(m.state())).forEach(records::add);
        apply(new RegisterClosed(command.registerId(), command.serviceId(), command.date(), command.schoolKey(),
                command.closedAt(), records));
    }

    @EventSourcingHandler
    void on(AttendanceMarked event) {
        registerId = event.registerId();
        marks.put(event.mark().childId(), event.mark());
    }

    @EventSourcingHandler
    void on(RegisterClosed event) {
        registerId = event.registerId();
        closed = true;
    }
}
