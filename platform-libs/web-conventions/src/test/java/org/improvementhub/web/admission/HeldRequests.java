package org.improvementhub.web.admission;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Requests that stay in progress until the test lets each one go, and ones that fail. */
@Controller("/held")
@Requires(property = "admission-it", value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
class HeldRequests {

  final Set<String> entered = ConcurrentHashMap.newKeySet();
  private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

  @Get("/{name}")
  String hold(String name) throws InterruptedException {
    entered.add(name);
    // bounded so that a failed test cannot keep the server's threads for ever
    gates.computeIfAbsent(name, n -> new CountDownLatch(1)).await(60, TimeUnit.SECONDS);
    return name;
  }

  @Get("/throws")
  String fail() {
    throw new IllegalStateException("the controller failed");
  }

  @Get("/refuses")
  HttpResponse<String> refuse() {
    return HttpResponse.badRequest("no");
  }

  void letGo(String name) {
    gates.computeIfAbsent(name, n -> new CountDownLatch(1)).countDown();
  }
}
