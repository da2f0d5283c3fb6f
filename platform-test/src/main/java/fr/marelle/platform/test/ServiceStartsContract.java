package fr.marelle.platform.test;

import fr.marelle.platform.audit.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service answers once started: health, its API description, and its status (processors, Kafka lag)
 * for staff only. A service's test class extends this and is annotated {@link MarelleServiceTest}.
 */
public abstract class ServiceStartsContract {

    @LocalServerPort
    protected int port;

    protected ServiceApi api() {
        return new ServiceApi(port);
    }

    @Test
    void is_healthy_with_its_database() {
        ServiceApi.Response health = api().anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void describes_its_api_with_openapi() {
        ServiceApi.Response docs = api().anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("openapi").asText()).startsWith("3.");
    }

    @Test
    void shows_its_status_to_administrators_only() {
        ServiceApi.Response status = api().as(TestServiceTokens.staff(Role.ADMIN)).get("/internal/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().path("processors").isArray()).isTrue();
        assertThat(api().as(TestServiceTokens.parentOf(UUID.randomUUID().toString())).get("/internal/status")
                .status()).isEqualTo(403);
        assertThat(api().anonymous().get("/internal/status").status()).isEqualTo(401);
    }
}
