/**
 * A plan in and out as a file: uploading a CSV or XLSX plan, seeing every bad row before anything
 * is stored (the plans API's dry run), confirming the import, and exporting a programme or the
 * blank template.
 */
package org.improvementhub.portal.transfer;
