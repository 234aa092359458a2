/**
 * Projects the plans service's driver events into {@code oversight.observed_driver}: each council's
 * drivers (Ofsted recommendations, Improvement Notice items...) and how many actions answer each.
 */
package org.improvementhub.oversight.driver;
