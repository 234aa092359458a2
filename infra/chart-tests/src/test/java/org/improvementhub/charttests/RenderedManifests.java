package org.improvementhub.charttests;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/** The documents Helm rendered, each parsed into its typed fabric8 model. */
record RenderedManifests(String yaml, List<HasMetadata> resources) {

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  static RenderedManifests parse(String yaml) {
    List<HasMetadata> resources = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
      if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
        continue;
      }
      Object parsed = Serialization.unmarshal(document);
      if (!(parsed instanceof HasMetadata resource)) {
        throw new IllegalStateException("Not a Kubernetes resource:\n" + document);
      }
      resources.add(resource);
    }
    return new RenderedManifests(yaml, List.copyOf(resources));
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T named(Class<T> type, String name) {
    return all(type).stream()
        .filter(r -> r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException(type.getSimpleName() + " " + name));
  }

  /** The resource name of one service: {@code <release>-improvement-hub-<service>}. */
  static String nameOf(String service) {
    return ChartUnderTest.RELEASE + "-improvement-hub-" + service;
  }
}
