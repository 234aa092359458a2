/**
 * A council's status over its life: a platform admin suspends, reinstates or archives it, each
 * change recorded with its reason and announced as {@code CouncilStatusChanged}; tenancy's own
 * routes and sign-in follow the status ({@code docs/runbooks/suspend-archive-council.md}).
 */
package org.improvementhub.tenancy.status;
