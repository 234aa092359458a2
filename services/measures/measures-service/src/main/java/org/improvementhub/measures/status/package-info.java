/**
 * Status (Green, Amber, Red, Grey) and trend of a measure's values, worked out from its polarity,
 * tolerance and dated target trajectory. Pure: no storage, no framework, so every rule is tested on
 * its own.
 */
package org.improvementhub.measures.status;
