package org.improvementhub.portal.plan;

/** What the progress form holds, to show it again with its errors. */
public record ProgressForm(String period, String rag, String note) {

  static ProgressForm blank(String period) {
    return new ProgressForm(period, "", "");
  }
}
