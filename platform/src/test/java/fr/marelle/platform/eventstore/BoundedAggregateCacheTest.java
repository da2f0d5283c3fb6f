package fr.marelle.platform.eventstore;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BoundedAggregateCacheTest {

    @Test
    void keeps_what_is_put_until_removed_and_tells_the_listeners() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        List<String> seen = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                seen.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }
        });

        cache.put("canteen/2027-01-04", "allocator");
        assertThat(cache.<String, String>get("canteen/2027-01-04")).isEqualTo("allocator");
        assertThat(cache.putIfAbsent("canteen/2027-01-04", "another")).isFalse();
        cache.put("canteen/2027-01-04", "allocator, later");
        assertThat(cache.containsKey("canteen/2027-01-04")).isTrue();
        assertThat(cache.remove("canteen/2027-01-04")).isTrue();
        assertThat(cache.<String, String>get("canteen/2027-01-04")).isNull();
        assertThat(cache.remove("canteen/2027-01-04")).isFalse();

        assertThat(seen).containsExactly("created canteen/2027-01-04", "updated canteen/2027-01-04",
                "removed canteen/2027-01-04");
    }

    @Test
    void an_aggregate_saved_inside_a_database_transaction_is_cached_only_once_it_commits() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("family-1", "version 1");

        inTransaction(() -> {
            cache.put("family-1", "version 2");
            assertThat(cache.containsKey("family-1")).as("not seen by others before the commit").isFalse();
        }, TransactionSynchronization.STATUS_COMMITTED);
        assertThat(cache.<String, String>get("family-1")).isEqualTo("version 2");

        inTransaction(() -> cache.put("family-1", "version 3"), TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(cache.containsKey("family-1")).as("a rolled back version is dropped, not kept").isFalse();

        inTransaction(() -> assertThat(cache.putIfAbsent("family-2", "new")).isTrue(),
                TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(cache.containsKey("family-2")).isFalse();
    }

    /** Runs {@code work} as if inside a Spring-managed transaction that ends with {@code status}. */
    private static void inTransaction(Runnable work, int status) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            work.run();
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(synchronization -> synchronization.afterCompletion(status));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void holds_no_more_than_its_size() {
        BoundedAggregateCache cache = new BoundedAggregateCache(5);
        for (int i = 0; i < 50; i++) {
            cache.put("day-" + i, new Object());
        }
        await().untilAsserted(() -> assertThat((int) java.util.stream.IntStream.range(0, 50)
                .filter(i -> cache.containsKey("day-" + i)).count()).isLessThanOrEqualTo(5));
    }
}
