/**
 * Keeps one service's tables in every council schema. Each service migrates its own tables, from
 * {@code db/<service>/council/} with its own history table {@code flyway_history_<service>}, into
 * every known council on start-up (bounded parallelism) and into each new council when {@code
 * CouncilProvisioned} arrives, then answers {@code CouncilSchemaReady}. It also tells the tenant
 * resolver which councils are ready, so a request for one whose tables are not there yet gets 503.
 *
 * <p>The start-up check (and the {@code migrate} run) reads every council's history table in one
 * statement and compares it with the migration files, read once per service: a council holding
 * every file, unchanged, is only recorded as ready; only the others get a Flyway of their own,
 * which migrates them or refuses a changed migration as before. So the check grows with the number
 * of councils by one row each, not by one Flyway (class-path scan, lock, queries) each.
 */
package org.improvementhub.councilschemas;
