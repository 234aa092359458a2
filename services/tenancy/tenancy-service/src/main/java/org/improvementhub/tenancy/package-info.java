/**
 * The tenancy service: the platform's register of councils and who may sign in. It keeps its tables
 * in its own {@code tenancy} schema and never in a council's. Packages are features: {@code
 * council} (the registry and provisioning a council), {@code readiness} (hearing every service say
 * a council's tables are ready, then activating it), {@code user} (accounts and roles), {@code
 * token} (signing in, signed tokens and the published keys).
 */
package org.improvementhub.tenancy;
