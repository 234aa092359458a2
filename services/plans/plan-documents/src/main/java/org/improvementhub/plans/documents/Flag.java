package org.improvementhub.plans.documents;

/**
 * Something the programme manager must look at before confirming: a value that could not be read or
 * was guessed, a duplicate ref, a value the document lacks.
 *
 * @param kind what sort of attention it needs
 * @param ref the action or item it concerns (empty for the document as a whole)
 * @param field the proposed field it concerns: {@code due}, {@code rag}, {@code leads}, …
 * @param origin where in the document the text came from
 * @param original the document's own text (empty when the document has none)
 * @param message what was done and why
 */
public record Flag(
    Kind kind, String ref, String field, Origin origin, String original, String message) {

  /** What sort of attention a flag needs. */
  public enum Kind {
    /** A value was proposed from the text by a rule that may be wrong. */
    GUESSED,
    /** The text could not be read as a value; the field is left unset. */
    UNREADABLE,
    /** The document has no value for a field the plan needs. */
    MISSING,
    /** Two rows carry the same ref; the flag lists the choices. */
    DUPLICATE
  }
}
