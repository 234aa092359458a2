package org.improvementhub.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/**
 * The demo councils' measures and their monthly values (module {@code infra/demo-councils}, files
 * {@code measures.csv} and {@code values.csv}), imported through the measures API by each council's
 * programme manager, as a council onboarding its KPIs would. Safe to run again: a council that has
 * measures already is left as it is.
 */
public final class DemoMeasures {

  /** Rows per values import: each part is one transaction, well inside a request's time. */
  private static final int VALUES_PER_IMPORT = 200;

  private final HubApi tenancy;
  private final HubApi measures;

  public DemoMeasures(String tenancyUrl, String measuresUrl) {
    this.tenancy = new HubApi(tenancyUrl);
    this.measures = new HubApi(measuresUrl);
  }

  /** Loads every demo council's measures and values; the councils must be provisioned. */
  public void load() {
    for (DemoCouncils.DemoCouncil council : DemoCouncils.COUNCILS) {
      String manager =
          DemoCouncils.login(tenancy, council.programmeManager(), DemoCouncils.DEMO_PASSWORD);
      String list = "/councils/" + council.slug() + "/measures";
      ApiResponse existing =
          measures.awaitGet(
              list, manager, response -> response.status() == 200, Duration.ofSeconds(90));
      if (existing.json().size() > 0) {
        continue;
      }
      expect(post(list + "/import", manager, file(council.slug(), "measures.csv")));
      for (String part : parts(file(council.slug(), "values.csv"))) {
        expect(post(list + "/values/import", manager, part));
      }
    }
  }

  private ApiResponse post(String path, String token, String csv) {
    return measures.send(
        measures
            .request(path, token)
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv)));
  }

  /** The values file in parts, each with the header row. */
  static List<String> parts(String csv) {
    List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
    List<String> parts = new ArrayList<>();
    for (int from = 1; from < lines.size(); from += VALUES_PER_IMPORT) {
      List<String> rows = lines.subList(from, Math.min(lines.size(), from + VALUES_PER_IMPORT));
      parts.add(lines.get(0) + "\n" + String.join("\n", rows) + "\n");
    }
    return parts;
  }

  /** A file of the council's, as module {@code infra/demo-councils} holds it. */
  static String file(String slug, String name) {
    String path = "demo-councils/" + slug + "/" + name;
    try (InputStream in = DemoMeasures.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No " + path + " on the classpath (module demo-councils)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void expect(ApiResponse response) {
    if (response.status() != 200) {
      throw new IllegalStateException("Unexpected answer while loading demo measures: " + response);
    }
  }
}
