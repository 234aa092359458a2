/**
 * A test clock the services' ITs move day by day, as a bean when {@code hub.test.movable-clock} is
 * set.
 */
package org.improvementhub.testsupport.clock;
