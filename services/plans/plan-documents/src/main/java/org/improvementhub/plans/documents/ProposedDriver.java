package org.improvementhub.plans.documents;

/**
 * A driver the document cites ({@code OR 13}, {@code IN 3.1}, {@code Pg 7 Para 23}); the document
 * gives only its ref, so its words are for the programme manager to add.
 *
 * @param kind OFSTED_RECOMMENDATION, IMPROVEMENT_NOTICE, PEER_REVIEW or OTHER
 */
public record ProposedDriver(String ref, String kind, Origin origin) {

  /** A driver the document only cites: its kind from its ref ({@code IN 3.1} is a notice). */
  public static ProposedDriver cited(String ref, Origin origin) {
    String kind;
    if (ref.startsWith("IN ")) {
      kind = "IMPROVEMENT_NOTICE";
    } else if (ref.startsWith("PR ")) {
      kind = "PEER_REVIEW";
    } else {
      kind = "OFSTED_RECOMMENDATION";
    }
    return new ProposedDriver(ref, kind, origin);
  }
}
