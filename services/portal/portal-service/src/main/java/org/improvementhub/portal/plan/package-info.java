/**
 * A council's plan: the actions in ref order with search and filters, an action's page, and
 * reporting its progress.
 */
package org.improvementhub.portal.plan;
