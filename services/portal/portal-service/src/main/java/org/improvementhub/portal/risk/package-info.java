/**
 * A council's risk register and issue log: risks scored by likelihood and impact, issues that have
 * happened, their owners, mitigations and review dates, and adding and changing them.
 */
package org.improvementhub.portal.risk;
