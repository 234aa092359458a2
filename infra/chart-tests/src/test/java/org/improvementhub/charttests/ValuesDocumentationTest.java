package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every value is constrained and described: the schema closes every object and documents each leaf.
 */
class ValuesDocumentationTest {

  private static final ChartUnderTest CHART = ChartUnderTest.located();

  @Test
  void theSchemaIsDraft07AndEveryPropertyIsDescribedAndEveryObjectClosed() throws IOException {
    JsonNode schema =
        new ObjectMapper()
            .readTree(Files.readString(CHART.directory().resolve("values.schema.json")));

    assertThat(schema.path("$schema").asText())
        .isEqualTo("http://json-schema.org/draft-07/schema#");
    List<String> problems = new ArrayList<>();
    check(schema, "$", problems);
    check(schema.path("definitions").path("service"), "#/definitions/service", problems);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyTopLevelValueIsCoveredByTheSchemaAndCommentedInValuesYaml() throws IOException {
    JsonNode properties =
        new ObjectMapper()
            .readTree(Files.readString(CHART.directory().resolve("values.schema.json")))
            .path("properties");
    List<String> lines = Files.readAllLines(CHART.valuesFile("values.yaml"));

    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.matches("^[a-zA-Z]+:.*")) {
        String key = line.substring(0, line.indexOf(':'));
        assertThat(properties.has(key)).as("schema covers %s", key).isTrue();
        assertThat(lines.get(i - 1)).as("comment above %s", key).startsWith("#");
      }
    }
  }

  private static void check(JsonNode node, String path, List<String> problems) {
    JsonNode properties = node.path("properties");
    if (!properties.isObject()) {
      return;
    }
    if (!node.path("additionalProperties").isBoolean()
        || node.path("additionalProperties").asBoolean()) {
      problems.add(path + " does not reject unknown keys");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode property = field.getValue();
      String at = path + "." + field.getKey();
      if (!property.has("description") && !property.has("$ref")) {
        problems.add(at + " has no description");
      }
      check(property, at, problems);
    }
  }
}
