package org.improvementhub.localstack;

import java.util.List;

/**
 * The JVM flags a service process starts with, in one place, each with why. Two sets, because a
 * service's start and its steady state want different things on two cores.
 */
public enum JvmFlags {

  /**
   * Tests, the local stack and the fault harness: many short-lived JVMs started together on two
   * cores, so starting quickly and compiling little matter most.
   */
  QUICK_START(
      List.of(
          // a small first heap: most test stacks never need more, and RSS stays low
          "-Xms64m",
          "-Xmx384m",
          // one GC thread and no concurrent work: the cores belong to the other services
          "-XX:+UseSerialGC",
          // C1 only: no C2 compile threads competing with six starting services; a short-lived
          // JVM would not run long enough to gain from C2's code
          "-XX:TieredStopAtLevel=1")),

  /**
   * A stack held under load (the read and soak benches): compiled as deployed. The chart's JVMs
   * compile with C2 (the JDK's default); C1's code cost the plans service half as much CPU again
   * per read (3.20 against 2.09 ms at 300 reads/s) and has none of C2's BigInteger intrinsics for
   * RS256 verification.
   */
  STEADY_STATE(
      List.of(
          // the heap the read load settles at, so that it is not grown through full collections
          // during the first minute of load
          "-Xms128m",
          // with C2's code cache and compiler arenas the resident memory stays under issue 13's
          // 300 MB per service
          "-Xmx384m",
          // still one GC thread: two cores are shared by six services, the load and PostgreSQL
          "-XX:+UseSerialGC"));

  private final List<String> flags;

  JvmFlags(List<String> flags) {
    this.flags = flags;
  }

  public List<String> flags() {
    return flags;
  }
}
