package org.improvementhub.bench.load;

import java.util.Map;
import java.util.TreeMap;
import org.improvementhub.localstack.ServiceProcess;

/**
 * How many requests each service's admission control turned away, by reason ({@code
 * hub_admission_refused_total}: the queue was full, or a request waited its longest), read from the
 * services' metrics: which service refused a soak's busy answers, and why, says what to change.
 *
 * @param byReason reason to count
 */
public record AdmissionRefusals(Map<String, Long> byReason) {

  /** Each service's refusals so far. */
  static Map<String, AdmissionRefusals> read(Map<String, ServiceProcess> services) {
    Map<String, AdmissionRefusals> read = new TreeMap<>();
    services.forEach(
        (name, process) -> {
          String metrics = ServiceMemory.metrics(process.baseUrl());
          read.put(name, metrics == null ? new AdmissionRefusals(Map.of()) : of(metrics));
        });
    return read;
  }

  static AdmissionRefusals of(String prometheusText) {
    Map<String, Long> counts = new TreeMap<>();
    for (String line : prometheusText.split("\\n")) {
      if (line.startsWith("hub_admission_refused_total{")) {
        int at = line.indexOf("reason=\"");
        if (at >= 0) {
          String reason = line.substring(at + 8, line.indexOf('"', at + 8));
          double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          counts.merge(reason, Math.round(value), Long::sum);
        }
      }
    }
    return new AdmissionRefusals(counts);
  }

  /** What was refused since {@code before}. */
  AdmissionRefusals since(AdmissionRefusals before) {
    Map<String, Long> counts = new TreeMap<>();
    byReason.forEach(
        (reason, count) -> counts.put(reason, count - before.byReason.getOrDefault(reason, 0L)));
    return new AdmissionRefusals(counts);
  }

  long total() {
    return byReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
