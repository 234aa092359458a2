/**
 * Adding an action to a council's plan, changing its details, leads and drivers, and revising its
 * due date with a reason: GOV.UK forms for the roles that may edit the plan.
 */
package org.improvementhub.portal.action;
