package org.improvementhub.web.admission;

/** Why a request was turned away without being served; {@link #tag()} names it in the metrics. */
public enum Refusal {
  /** Every permit was taken and the waiting line was full. */
  QUEUE_FULL("queue-full"),
  /** It waited in line for {@code hub.admission.max-wait} and no permit came free. */
  WAITED_TOO_LONG("waited-too-long"),
  /** Its caller went away (closed the connection) while it waited: nobody is told. */
  WITHDRAWN("withdrawn");

  private final String tag;

  Refusal(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }
}
