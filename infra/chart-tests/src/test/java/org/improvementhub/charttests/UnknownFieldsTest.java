package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The unknown-field check must be able to fail: a typo at any depth is reported with its path. */
class UnknownFieldsTest {

  @Test
  void reportsMisspeltFieldsAtEveryDepth() {
    RenderedManifests manifests =
        RenderedManifests.parse(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: typo}
            spec:
              replicaz: 2
              selector: {matchLabels: {a: b}}
              template:
                metadata: {labels: {a: b}}
                spec:
                  containers:
                    - name: c
                      image: i:1
                      securityContext: {readOnlyRootFilesytem: true}
            """);

    assertThat(UnknownFields.in(manifests.resources().get(0)))
        .containsExactlyInAnyOrder(
            "$.spec [replicaz]",
            "$.spec.template.spec.containers[0].securityContext [readOnlyRootFilesytem]");
  }

  @Test
  void reportsNothingForAWellFormedResource() {
    RenderedManifests manifests =
        RenderedManifests.parse(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: fine}
            spec:
              ports: [{name: http, port: 8080, targetPort: http}]
            """);

    assertThat(UnknownFields.in(manifests.resources().get(0))).isEmpty();
  }
}
