/** Facts the plans service publishes about improvement actions. Immutable records only. */
package org.improvementhub.plans.events;
