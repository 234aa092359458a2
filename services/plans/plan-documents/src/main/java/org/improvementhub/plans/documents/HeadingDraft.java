package org.improvementhub.plans.documents;

import java.util.ArrayList;
import java.util.List;

/** A heading above a table, waiting for the table that makes it a plan item. */
final class HeadingDraft {
  final String ref;
  final String levelName;
  final String title;
  final Origin origin;
  final boolean invented;
  String description;
  String owner;
  final List<String> outcomes = new ArrayList<>();
  boolean used;

  HeadingDraft(String ref, String levelName, String title, Origin origin, boolean invented) {
    this.ref = ref;
    this.levelName = levelName;
    this.title = title;
    this.origin = origin;
    this.invented = invented;
  }

  void addOutcome(String text) {
    outcomes.add(text);
  }
}
