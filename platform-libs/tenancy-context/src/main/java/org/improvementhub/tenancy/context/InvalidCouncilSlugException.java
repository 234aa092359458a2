package org.improvementhub.tenancy.context;

/** A council slug that breaks {@link CouncilSlug#RULE}; reported to callers as a 400 naming it. */
public final class InvalidCouncilSlugException extends IllegalArgumentException {

  public InvalidCouncilSlugException(String value) {
    super(
        "'"
            + (value == null ? "" : value.length() > 60 ? value.substring(0, 60) + "…" : value)
            + "' is not a valid council slug: lower-case letters, digits and hyphens, starting with"
            + " a letter, 2 to 41 characters");
  }
}
