package fr.marelle.platform.status;

import fr.marelle.platform.processing.ProcessorErrors;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reads the position and health of every streaming processor of the service. */
public class ProcessorStatusReader {

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventStore> eventStore;
    private final ProcessorErrors errors;

    public ProcessorStatusReader(ObjectProvider<EventProcessingConfiguration> processing,
                                 ObjectProvider<EventStore> eventStore, ProcessorErrors errors) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.errors = errors;
    }

    public List<ServiceStatus.Processor> read() {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        EventStore store = eventStore.getIfAvailable();
        if (configuration == null || store == null) {
            return List.of();
        }
        long head = position(store.createHeadToken());
        List<ServiceStatus.Processor> result = new ArrayList<>();
        configuration.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .forEach(processor -> result.add(status(processor, head)));
        return result;
    }

    private ServiceStatus.Processor status(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = segments.isEmpty() ? -1 : segments.values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                .min().orElse(-1);
        String error = segments.values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(s -> s.getError() == null ? "error" : rootMessage(s.getError()))
                .findFirst()
                .or(() -> errors.of(processor.getName()).map(ProcessorErrors.Failure::message))
                .orElse(null);
        boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        long lag;
        if (segments.isEmpty()) {
            lag = -1; // not running here (another replica may hold the segments)
        } else if (head < 0) {
            lag = 0; // nothing stored yet
        } else {
            lag = Math.max(0, head - Math.max(0, position));
        }
        return new ServiceStatus.Processor(processor.getName(), segments.size(), position, head, lag, replaying,
                error);
    }

    static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** True when every processor is running without error. */
    public boolean healthy() {
        return read().stream().allMatch(p -> p.error() == null);
    }
}
