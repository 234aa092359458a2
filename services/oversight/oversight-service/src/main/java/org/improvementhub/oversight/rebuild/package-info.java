/**
 * Drops the read model and rebuilds it by replaying the tenancy and plans topics from the start:
 * the read model holds nothing the events do not.
 */
package org.improvementhub.oversight.rebuild;
