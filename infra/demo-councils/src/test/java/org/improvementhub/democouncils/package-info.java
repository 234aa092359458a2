/**
 * Checks that the demo plan files read as the plan template says (columns, records, refs, dates,
 * leads) and hold the counts their councils' documents give, without any service running.
 */
package org.improvementhub.democouncils;
