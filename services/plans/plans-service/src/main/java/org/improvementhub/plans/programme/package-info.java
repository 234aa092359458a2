/**
 * Improvement programmes: what triggered each (an Ofsted inspection, an Improvement Notice, a peer
 * review), its Improvement Board and manager, the names the council gives the levels of its plan,
 * and the reporting periods derived from its start date and cadence.
 */
package org.improvementhub.plans.programme;
