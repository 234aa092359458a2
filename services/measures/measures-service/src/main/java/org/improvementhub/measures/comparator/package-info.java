/**
 * Benchmarks a council reads its measures against: the England average and its statistical
 * neighbours' average, per measure and year (the year ending 31 March, as the DfE publishes it).
 */
package org.improvementhub.measures.comparator;
