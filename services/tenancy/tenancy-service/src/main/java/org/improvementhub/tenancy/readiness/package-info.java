/**
 * Hears each service say that its tables are in a new council's schema ({@code CouncilSchemaReady},
 * on every {@code <service>.council-schema.v1} topic) and activates the council once every required
 * service has answered, announcing {@code CouncilActivated} exactly once.
 */
package org.improvementhub.tenancy.readiness;
