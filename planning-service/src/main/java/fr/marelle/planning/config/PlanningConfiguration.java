package fr.marelle.planning.config;

import fr.marelle.platform.eventstore.BoundedAggregateCache;
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
     * Children's months stay in memory while they are in use (the booking desk writes them one batch after another);
     * the garbage collector takes them back when memory is needed.
     */
    @Bean
    Cache planningAggregateCache() {
        return new WeakReferenceCache();
    }

    /**
     * Service-day allocators (a few hundred: services × days open for booking) stay in memory, up to a number of them
     * and as long as memory allows (soft references): each carries its waiting list, and rebuilding one from its
     * snapshot after every garbage collection, as the weak cache made it, cost more than the booking itself at full
     * scale.
     */
    @Bean
    Cache allocatorCache(@Value("${marelle.planning.allocator-cache-size:512}") long size) {
        return new BoundedAggregateCache(size);
    }

    /** A service-day's allocator that the cache lost is rebuilt from a snapshot and its last events. */
    @Bean
    SnapshotTriggerDefinition allocatorSnapshotTrigger(Snapshotter snapshotter,
                                                       @Value("${marelle.planning.allocator-snapshot-every:100}")
                                                       int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
