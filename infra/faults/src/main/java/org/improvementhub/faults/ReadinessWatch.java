package org.improvementhub.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.improvementhub.localstack.ServiceProcess;

/**
 * Asks every service's {@code /health/readiness} every {@value #STEP_MILLIS} ms, as Kubernetes'
 * readiness probe would, and keeps for each the first moment it answered anything but 200 after the
 * fault began, and the first 200 after the fault ended.
 */
final class ReadinessWatch implements AutoCloseable {

  private static final long STEP_MILLIS = 100;

  /**
   * What one service's readiness did, in nanoTime.
   *
   * @param redAt the first not-ready answer after the fault began; 0 if it stayed ready
   * @param greenAt the first ready answer after that and after the fault ended; 0 if none yet
   */
  record Course(long redAt, long greenAt) {}

  private final Map<String, String> urls = new LinkedHashMap<>();
  private final Map<String, Long> red = new ConcurrentHashMap<>();
  private final Map<String, Long> green = new ConcurrentHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final AtomicBoolean watching = new AtomicBoolean(true);
  private final java.util.List<Thread> threads = new java.util.ArrayList<>();
  private volatile long faultEnded = Long.MAX_VALUE;

  ReadinessWatch(Map<String, ServiceProcess> services) {
    services.forEach((name, process) -> urls.put(name, process.baseUrl() + "/health/readiness"));
    // a thread each: a service whose check waits for a timeout must not delay the others' checks
    urls.forEach(
        (name, url) -> {
          Thread thread = new Thread(() -> watch(name, url), "readiness-watch-" + name);
          thread.setDaemon(true);
          threads.add(thread);
          thread.start();
        });
  }

  /** From now on, a ready answer after a not-ready one counts as the service back. */
  void faultEnded() {
    faultEnded = System.nanoTime();
  }

  /**
   * Whether every service that went red is green again (one that never went red cannot come back:
   * waiting for it would only take time; the run reports it).
   */
  boolean allBack() {
    return red.keySet().stream().allMatch(green::containsKey);
  }

  Map<String, Course> courses() {
    Map<String, Course> courses = new LinkedHashMap<>();
    for (String name : urls.keySet()) {
      courses.put(name, new Course(red.getOrDefault(name, 0L), green.getOrDefault(name, 0L)));
    }
    return courses;
  }

  private void watch(String name, String url) {
    while (watching.get()) {
      long asked = System.nanoTime();
      boolean ready = ready(url);
      long answered = System.nanoTime();
      if (!ready) {
        red.putIfAbsent(name, answered);
      } else if (red.containsKey(name) && asked > faultEnded) {
        green.putIfAbsent(name, answered);
      }
      Polling.pause(Duration.ofMillis(STEP_MILLIS));
    }
  }

  private boolean ready(String url) {
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    watching.set(false);
    for (Thread thread : threads) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
