package org.improvementhub.testsupport.fuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The size of a bad-input property: {@link #ci()} cases from a fixed seed in CI, so a run is quick
 * and repeatable; the bench raises it with {@code -Dfuzz.tries=10000} and a fresh seed with {@code
 * -Dfuzz.seed=random} (or any seed, to replay one). At the end the property prints its {@link
 * FuzzTally} as one {@code fuzz:} line.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@AddLifecycleHook(FuzzBudgetHook.class)
public @interface FuzzBudget {

  /** Cases per property in CI. */
  int ci() default 150;
}
