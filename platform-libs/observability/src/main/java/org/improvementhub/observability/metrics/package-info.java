/**
 * Metrics. Every meter carries a {@code service} tag; business events are counted per council with
 * {@link org.improvementhub.observability.metrics.CouncilMetrics}. Names are {@code
 * hub.<service>.<thing>} in dotted lower case; Prometheus shows them as {@code
 * hub_<service>_<thing>_total}.
 */
package org.improvementhub.observability.metrics;
