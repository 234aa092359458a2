package org.improvementhub.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one bench's {@code main} so that a failure ends the run instead of hanging it: the embedded
 * Kafka broker's threads are not daemons, so a bench whose {@code main} throws would otherwise keep
 * its JVM (and every service process it started) alive until someone notices. On a failure this
 * prints it, stops every process the bench started (services, the embedded PostgreSQL) and exits 1,
 * so that {@code run-all.sh} goes on to its next step on a quiet machine. The same happens when the
 * JVM is stopped from outside (Ctrl-C, or {@code run-all.sh}'s time limit sending SIGTERM): a
 * service process outlives the JVM that started it unless someone stops it.
 *
 * <p>Run: {@code BenchLauncher <bench main class> [its arguments]}
 */
public final class BenchLauncher {

  private BenchLauncher() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: BenchLauncher <bench main class> [arguments]");
      System.exit(2);
    }
    // only the JVMs (services, Gatling): the embedded PostgreSQL stops itself in its own hook,
    // through a pg_ctl process that must not be killed on the way
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    ProcessHandle.current()
                        .descendants()
                        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                        .forEach(ProcessHandle::destroyForcibly),
                "bench-processes-stop"));
    try {
      Method main = Class.forName(args[0]).getMethod("main", String[].class);
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      fail(args[0], e.getCause());
    } catch (ReflectiveOperationException | RuntimeException | Error e) {
      fail(args[0], e);
    }
    // a bench that returns without exiting may still hold the broker's threads
    System.exit(0);
  }

  private static void fail(String bench, Throwable cause) {
    System.out.println("== " + bench + " failed: " + cause);
    cause.printStackTrace(System.out);
    List<ProcessHandle> started = ProcessHandle.current().descendants().toList();
    started.forEach(ProcessHandle::destroyForcibly);
    System.out.println("   stopped the " + started.size() + " processes it had started");
    System.exit(1);
  }
}
