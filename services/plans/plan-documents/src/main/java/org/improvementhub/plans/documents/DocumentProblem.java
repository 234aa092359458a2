package org.improvementhub.plans.documents;

/**
 * The upload cannot become a proposal at all: not a Word document, damaged, protected by a password
 * or without any table of actions. The message says what to do about it.
 */
public class DocumentProblem extends RuntimeException {

  private final Reason reason;

  public DocumentProblem(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** Why the document could not be read. */
  public enum Reason {
    NOT_WORD,
    CORRUPT,
    PASSWORD_PROTECTED,
    NO_ACTION_TABLE
  }
}
