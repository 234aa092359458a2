/**
 * Import and export of a whole programme in one CSV or XLSX file (the plan template): settings,
 * plan tree, drivers, actions with their links, and progress reports. Imports are all or nothing
 * and report every bad row; an export imports back to the same plan.
 */
package org.improvementhub.plans.transfer;
