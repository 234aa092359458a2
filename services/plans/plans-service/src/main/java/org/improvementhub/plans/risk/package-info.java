/**
 * The risk register and the issue log: likelihood, impact and score, owner, mitigations, status,
 * review date, each linked to the plan items and actions it bears on.
 */
package org.improvementhub.plans.risk;
