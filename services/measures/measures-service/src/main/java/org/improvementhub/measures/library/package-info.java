/**
 * The platform-wide library of statutory and common measures (in the measures service's own schema)
 * and a council adopting one as its own measure.
 */
package org.improvementhub.measures.library;
