/**
 * The load that issue 13 measures and issue 12 holds for ten minutes, as Gatling simulations
 * against a stack already running on 127.0.0.1. {@code infra/bench} starts the stack, provisions
 * the councils and writes the targets file these simulations read ({@link LoadTargets}); the
 * simulations only send requests, in an open model (arrivals per second, whatever the answers'
 * speed), bounded in rate and in time ({@link LoadShape}).
 */
package org.improvementhub.load;
