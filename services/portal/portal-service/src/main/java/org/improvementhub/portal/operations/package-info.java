/**
 * What the cluster asks of the portal rather than people: health for its probes and Prometheus
 * metrics, tagged like every other service's so that one query compares them.
 */
package org.improvementhub.portal.operations;
