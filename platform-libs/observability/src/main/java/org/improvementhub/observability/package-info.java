/**
 * What operators see of a running service: Prometheus metrics at {@code /prometheus} (feature
 * {@code metrics}) and logs that carry the council, request and event they concern (feature {@code
 * logging}).
 */
package org.improvementhub.observability;
