/**
 * Redmine beside us in the same run (issue 13): the read mix sent by the same load tool (Gatling)
 * at the same rates to Redmine 5, which {@code infra/bench/anchor/} installs, starts and loads with
 * the same plans.
 */
package org.improvementhub.bench.anchor;
