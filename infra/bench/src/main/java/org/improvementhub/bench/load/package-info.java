/**
 * The stack the Gatling load ({@code infra/load}) runs against: every service as its own process,
 * councils provisioned through the public APIs with plans of a known shape ({@link BenchPlan}, also
 * written as {@code bench-data.json} for the Redmine side-by-side), the targets file the
 * simulations read, each service's memory before, during and after, and the Gatling run itself.
 */
package org.improvementhub.bench.load;
