/** Facts the measures service publishes about measures and their values. Immutable records only. */
package org.improvementhub.measures.events;
