/**
 * Editing a measure's target trajectory and tolerance: the periods already recorded are judged
 * again and each change of status is announced as {@code MeasureStatusChanged}.
 */
package org.improvementhub.measures.target;
