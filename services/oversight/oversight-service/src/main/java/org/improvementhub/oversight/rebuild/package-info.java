/**
 * Drops the read model and rebuilds it by replaying the tenancy, plans (actions, drivers) and
 * measures topics from the start: the read model holds nothing the events do not.
 */
package org.improvementhub.oversight.rebuild;
