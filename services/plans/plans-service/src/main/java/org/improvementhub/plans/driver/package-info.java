/**
 * What drives the plan: the register of Ofsted recommendations ({@code OR 13}, with timeframes),
 * Improvement Notice items ({@code IN 3.1}), peer-review findings and other sources, linked
 * many-to-many to actions, and the coverage view that shows what no action answers.
 */
package org.improvementhub.plans.driver;
