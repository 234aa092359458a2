/** Projects the plans service's action events into {@code oversight.observed_action}. */
package org.improvementhub.oversight.action;
