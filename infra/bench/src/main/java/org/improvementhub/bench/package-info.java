/**
 * Benchmarks that print figures: speed and memory goals live here, never in timed tests. Each
 * benchmark starts the real services as processes on the embedded infrastructure.
 */
package org.improvementhub.bench;
