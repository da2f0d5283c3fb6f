package fr.marelle.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every published event has an example file that reads into its record, field for field, and back. */
class ContractExamplesTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void every_contract_has_an_example_with_exactly_its_fields() throws Exception {
        Set<String> names = new HashSet<>();
        for (ContractType<?> type : Contracts.ALL) {
            assertThat(names.add(type.qualifiedName())).as("unique " + type.qualifiedName()).isTrue();
            assertThat(type.qualifiedName()).matches("[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+");
            try (InputStream example = getClass().getClassLoader().getResourceAsStream(type.exampleResource())) {
                assertThat((Object) example).as(type.exampleResource()).isNotNull();
                JsonNode json = JSON.readTree(example);
                Object payload = JSON.treeToValue(json, type.payloadType());
                Set<String> fields = new HashSet<>();
                for (RecordComponent component : type.payloadType().getRecordComponents()) {
                    fields.add(component.getName());
                }
                Set<String> exampleFields = new HashSet<>();
                json.fieldNames().forEachRemaining(exampleFields::add);
                assertThat(exampleFields).as(type.qualifiedName()).isEqualTo(fields);
                JsonNode roundTrip = JSON.readTree(JSON.writeValueAsString(payload));
                assertThat(roundTrip).isEqualTo(json);
            }
        }
    }

    @Test
    void topics_follow_the_context() {
        for (ContractType<?> type : Contracts.ALL) {
            assertThat(type.topic()).isEqualTo("marelle." + type.context());
        }
    }
}
