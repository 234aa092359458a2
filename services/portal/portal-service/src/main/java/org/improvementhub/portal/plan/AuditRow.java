package org.improvementhub.portal.plan;

import java.util.List;
import java.util.Map;

/** One entry of an action's audit trail: when, who, and what changed. */
public record AuditRow(String when, String actor, String change) {

  static List<AuditRow> all(Object items) {
    if (!(items instanceof List<?> entries)) {
      return List.of();
    }
    return entries.stream()
        .filter(Map.class::isInstance)
        .map(Map.class::cast)
        .map(
            e ->
                new AuditRow(
                    ProgressRow.when(e.get("occurredAt")),
                    String.valueOf(e.get("actor")),
                    String.valueOf(e.get("change"))))
        .toList();
  }
}
