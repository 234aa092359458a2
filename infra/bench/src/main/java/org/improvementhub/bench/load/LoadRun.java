package org.improvementhub.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The start every load bench shares: the plans of {@code councils} councils of {@code actions}
 * actions each, written as {@code infra/bench/target/bench-data.json}; the stack; the councils
 * provisioned; the targets file for Gatling.
 */
public record LoadRun(LoadStack stack, List<BenchPlan> plans, Path targets, Path out)
    implements AutoCloseable {

  public static LoadRun start(Path root, Path out, int councils, int actions) {
    List<BenchPlan> plans = new ArrayList<>();
    for (int n = 1; n <= councils; n++) {
      plans.add(BenchPlan.forCouncil(n, actions));
    }
    Path benchData =
        LoadTargets.writeBenchData(plans, root.resolve("infra/bench/target/bench-data.json"));
    System.out.println("Plans of the load written to " + benchData);
    System.out.printf(
        "Starting the stack (every service its own JVM; logs in %s)%n", out.resolve("logs"));
    LoadStack stack = LoadStack.start(root, out.resolve("logs"));
    try {
      System.out.printf(
          "Provisioning %d councils with %d-action plans through the public APIs%n",
          councils, actions);
      long began = System.nanoTime();
      LoadTargets targets = stack.provision(plans);
      System.out.printf("  provisioned in %.0f s%n", (System.nanoTime() - began) / 1e9);
      // under target/: it holds live tokens
      Path file = targets.write(root.resolve("infra/bench/target/load-targets.json"));
      return new LoadRun(stack, List.copyOf(plans), file, out);
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  @Override
  public void close() {
    stack.close();
  }
}
