package org.improvementhub.tenancy.context;

/**
 * What a service knows of the councils whose schemas it serves. Implemented where a service keeps
 * tables in council schemas; the tenant resolver asks it before any SQL runs in a schema.
 */
public interface KnownCouncils {

  /** Whether the council exists and this service's tables in its schema are ready. */
  CouncilSchemaState stateOf(CouncilSlug council);

  /** The answer for one council. */
  enum CouncilSchemaState {
    /** No such council here: callers get 404, as if it never existed. */
    UNKNOWN,
    /** The council exists but this service's tables are not migrated yet: 503. */
    NOT_READY,
    READY
  }
}
