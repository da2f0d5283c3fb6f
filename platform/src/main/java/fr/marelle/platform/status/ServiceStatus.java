package fr.marelle.platform.status;

import java.util.List;

/** What the gateway's status page shows of a service. */
public record ServiceStatus(String service, List<Processor> processors, Kafka kafka) {

    /**
     * An event processor: where its segments stand against the head of the event store.
     *
     * @param lag events stored but not yet handled by the slowest segment, or -1 when unknown
     */
    public record Processor(String name, int segments, long position, long head, long lag, boolean replaying,
                            String error) {
    }

    /** Consumer lag of the service's consumer group, per topic, or the reason it could not be read. */
    public record Kafka(String group, List<TopicLag> topics, String error) {
    }

    public record TopicLag(String topic, long lag) {
    }
}
