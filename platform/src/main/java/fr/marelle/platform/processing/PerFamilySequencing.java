package fr.marelle.platform.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Handles the events of one family in order, one after the other, whatever stream they come from: for a read model
 * that joins several aggregates of a family (a family and its guardians, a child and its bookings), where events of
 * different streams handled at once by different segments would each miss the other's uncommitted rows. Events
 * whose payload has no {@code familyId()} keep the default order per stream; use it for a processing group whose
 * events all name their family, so that no stream is split between segments.
 */
public final class PerFamilySequencing implements SequencingPolicy<EventMessage<?>> {

    public static final PerFamilySequencing INSTANCE = new PerFamilySequencing();

    private static final Map<Class<?>, Method> ACCESSORS = new ConcurrentHashMap<>();
    private static final Method NONE;

    static {
        try {
            NONE = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private PerFamilySequencing() {
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        Method accessor = ACCESSORS.computeIfAbsent(payload.getClass(), PerFamilySequencing::familyAccessor);
        if (accessor != NONE) {
            try {
                Object family = accessor.invoke(payload);
                if (family != null) {
                    return "family:" + family;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read the family of " + payload.getClass().getName(), e);
            }
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }

    private static Method familyAccessor(Class<?> type) {
        try {
            Method method = type.getMethod("familyId");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            return NONE;
        }
    }
}
