/**
 * Facts the tenancy service publishes about councils, and the answer every service gives when a
 * council's schema holds its tables. Immutable records only: this module is the contract.
 */
package org.improvementhub.tenancy.events;
