package org.improvementhub.portal.plan;

import java.util.UUID;
import org.improvementhub.portal.page.RagStatus;

/**
 * What the plan page is narrowed by; every part optional. The plans service filters by each: RAG,
 * lead, overdue, driver, and the search words (each in the ref or the title, any case).
 */
public record PlanFilter(String words, RagStatus rag, String lead, boolean overdue, UUID driver) {

  public static PlanFilter none() {
    return new PlanFilter("", null, "", false, null);
  }

  public static PlanFilter of(
      String words, String rag, String lead, String overdue, String driver) {
    UUID driverId = null;
    if (driver != null && !driver.isBlank()) {
      try {
        driverId = UUID.fromString(driver);
      } catch (IllegalArgumentException unknown) {
        // an unknown driver narrows nothing, as an empty choice would
      }
    }
    return new PlanFilter(
        words == null ? "" : words.strip(),
        RagStatus.of(rag),
        lead == null ? "" : lead.strip(),
        "yes".equals(overdue) || "true".equals(overdue),
        driverId);
  }

  public boolean any() {
    return !words.isEmpty() || rag != null || !lead.isEmpty() || overdue || driver != null;
  }

  public String ragCode() {
    return rag == null ? "" : rag.name();
  }

  public String driverId() {
    return driver == null ? "" : driver.toString();
  }
}
