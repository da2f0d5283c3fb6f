package fr.marelle.notification;

import fr.marelle.platform.test.ServiceBoundaries;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void depends_only_on_its_own_code_the_platform_and_the_published_contracts() {
        ServiceBoundaries.check("fr.marelle.notification");
    }
}
