package org.improvementhub.measures.link;

import java.util.Locale;
import java.util.Optional;

/** What a linked plan record is: an action, or a plan item (pillar, priority, outcome…). */
public enum PlanRecordKind {
  ACTION,
  ITEM;

  /** The kind as a path names it: {@code action} or {@code item}. */
  static Optional<PlanRecordKind> fromPath(String kind) {
    return switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
      case "action" -> Optional.of(ACTION);
      case "item" -> Optional.of(ITEM);
      default -> Optional.empty();
    };
  }

  /** As paths and views name it. */
  public String pathName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
