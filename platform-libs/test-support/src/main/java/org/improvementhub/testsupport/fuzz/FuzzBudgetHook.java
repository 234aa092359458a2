package org.improvementhub.testsupport.fuzz;

import net.jqwik.api.GenerationMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/** Sets a property's tries and seed from {@link FuzzBudget} and the bench's system properties. */
public final class FuzzBudgetHook implements AroundPropertyHook {

  /** The seed of every CI run: the same cases each time, so a failure is a change, not luck. */
  static final String CI_SEED = "20261124";

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    int ci =
        context
            .findAnnotation(FuzzBudget.class)
            .or(() -> context.findAnnotationsInContainer(FuzzBudget.class).stream().findFirst())
            .map(FuzzBudget::ci)
            .orElse(150);
    context.attributes().setTries(Integer.getInteger("fuzz.tries", ci));
    context.attributes().setGeneration(GenerationMode.RANDOMIZED);
    String seed = System.getProperty("fuzz.seed", CI_SEED);
    if (!"random".equals(seed)) {
      context.attributes().setSeed(seed);
    }
    FuzzTally tally = FuzzTally.current();
    PropertyExecutionResult result = property.execute();
    System.out.println(
        tally.line(
                context.containerClass().getSimpleName() + "." + context.targetMethod().getName())
            + " tries="
            + result.countTries()
            + " seed="
            + result.seed().orElse("?")
            + " "
            + result.status());
    return result;
  }
}
