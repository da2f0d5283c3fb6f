package fr.marelle.billing;

import fr.marelle.platform.test.ServiceStartsContract;
import org.junit.jupiter.api.Nested;

/**
 * What every service answers once started. Nested in a {@link BillingTestSupport} so that it runs in the same Spring
 * context as the other integration tests: two contexts in one JVM would share the Kafka consumer group and split its
 * partitions between two databases.
 */
class ServiceStartsTest extends BillingTestSupport {

    @Nested
    class Contract extends ServiceStartsContract {
    }
}
