/**
 * Projects the plans service's plan item events into {@code oversight.observed_plan_item}, so the
 * board report can name the item (priority, project...) each action sits under.
 */
package org.improvementhub.oversight.planitem;
