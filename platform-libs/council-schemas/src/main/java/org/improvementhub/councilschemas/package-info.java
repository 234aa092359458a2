/**
 * Keeps one service's tables in every council schema. Each service migrates its own tables, from
 * {@code db/<service>/council/} with its own history table {@code flyway_history_<service>}, into
 * every known council on start-up (bounded parallelism) and into each new council when {@code
 * CouncilProvisioned} arrives, then answers {@code CouncilSchemaReady}. It also tells the tenant
 * resolver which councils are ready, so a request for one whose tables are not there yet gets 503.
 */
package org.improvementhub.councilschemas;
