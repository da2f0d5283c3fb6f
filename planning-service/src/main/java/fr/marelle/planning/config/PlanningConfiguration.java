package fr.marelle.planning.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class PlanningConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Allocators and children's months stay in memory while they are in use (the booking desk writes them one
     * batch after another); the garbage collector takes them back when memory is needed.
     */
    @Bean
    Cache planningAggregateCache() {
        return new WeakReferenceCache();
    }

    /** A service-day's allocator that the cache lost is rebuilt from a snapshot and its last events. */
    @Bean
    SnapshotTriggerDefinition allocatorSnapshotTrigger(Snapshotter snapshotter,
                                                       @Value("${marelle.planning.allocator-snapshot-every:100}")
                                                       int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
