/** Paging shared by the plans service's lists: {@code page}, {@code size} and X-Total-Count. */
package org.improvementhub.plans.listing;
