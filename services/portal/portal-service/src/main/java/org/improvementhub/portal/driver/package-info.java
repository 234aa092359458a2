/**
 * A council's drivers (Ofsted recommendations, improvement notice items, peer review findings): the
 * register, which actions answer each, and adding and changing them.
 */
package org.improvementhub.portal.driver;
