package fr.marelle.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every service's tests check of its read models: each projection names the tables it alone writes (so the
 * audit console can rebuild it), unless it is never replayed; and each rebuilds from the events into exactly the
 * live tables.
 */
public final class ReadModelChecks {

    private ReadModelChecks() {
    }

    /**
     * Every bean of a processing group with event handlers declares its tables with {@link ProjectionTables}, or is
     * marked {@link DisallowReplay} (side effects, tables holding what events never carry).
     */
    public static void assertEveryProjectionDeclaresItsTables(ApplicationContext context) {
        List<String> undeclared = new ArrayList<>();
        for (String name : context.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = AopUtils.getTargetClass(context.getBean(name));
            if (type.getName().startsWith("fr.marelle.platform.")) {
                continue;
            }
            boolean handlesEvents = Arrays.stream(type.getDeclaredMethods())
                    .anyMatch(m -> AnnotatedElementUtils.hasAnnotation(m, EventHandler.class));
            boolean declared = AnnotationUtils.findAnnotation(type, ProjectionTables.class) != null;
            boolean neverReplayed = AnnotationUtils.findAnnotation(type, DisallowReplay.class) != null;
            if (handlesEvents && !declared && !neverReplayed) {
                undeclared.add(type.getName());
            }
        }
        assertThat(undeclared).as("projections with neither @ProjectionTables nor @DisallowReplay").isEmpty();
    }

    /**
     * Rebuilds every read model of the service on {@code port} (through its audit API, as an auditor) and asserts
     * that each is identical to the live one, once the live one has caught up (it is retried for a while).
     */
    public static void assertEveryReadModelRebuildsIdentically(int port) {
        ServiceApi.Caller auditor = new ServiceApi(port).as(TestServiceTokens.staff(Role.AUDITOR));
        JsonNode readModels = auditor.get("/internal/audit/read-models").body();
        assertThat(readModels.size()).as("read models of the service").isPositive();
        for (JsonNode readModel : readModels) {
            String group = readModel.path("processingGroup").asText();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                ServiceApi.Response replay = auditor.post("/internal/audit/read-models/" + group + "/replay",
                        null);
                assertThat(replay.status()).as(group + ": " + replay.raw()).isEqualTo(200);
                for (JsonNode table : replay.body().path("tables")) {
                    assertThat(table.path("onlyLive").asLong() + table.path("onlyReplayed").asLong())
                            .as(group + " / " + table.path("table").asText() + ": " + table).isZero();
                }
            });
        }
    }
}
