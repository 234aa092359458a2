/** Projects tenancy's council events into {@code oversight.observed_council}. */
package org.improvementhub.oversight.council;
