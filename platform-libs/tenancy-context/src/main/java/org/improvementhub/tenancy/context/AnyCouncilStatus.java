package org.improvementhub.tenancy.context;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route that works whatever the council's status: the platform admin's suspend, reinstate
 * and archive themselves, which would otherwise be refused on a suspended or archived council.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AnyCouncilStatus {}
