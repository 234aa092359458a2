/**
 * Tests of the Helm chart {@code helm/improvement-hub}: strict lint, rendering with the default,
 * production-like and minimal values, typed parsing of every manifest (no unknown fields), secure
 * defaults, probes, resources, migration hooks, checksums, NetworkPolicies and the values schema.
 * Helm runs embedded (helm-java); nothing is installed and no cluster is needed.
 */
package org.improvementhub.charttests;
