/**
 * The Improvement Board report: the council's issued reports, the draft for a period, issuing it
 * (after a confirmation, since an issued report never changes) and downloading it as PDF or XLSX.
 */
package org.improvementhub.portal.board;
