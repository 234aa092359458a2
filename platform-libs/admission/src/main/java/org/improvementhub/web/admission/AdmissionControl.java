package org.improvementhub.web.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Bounds the requests a service works on ({@code hub.admission.max-in-flight}) and the ones that
 * wait for a turn ({@code max-queued}, at most {@code max-wait}); the rest get {@link BusyAnswer}
 * (503 problem+json with {@code Retry-After}) at once. It runs on the event loop and never parks a
 * thread: a waiting request is a future that the next released permit completes, or that a
 * scheduled check refuses when its time is up.
 *
 * <p>The permit is held until the response has been produced, and released on every ending: a
 * response of any status, an exception, the caller going away (cancellation). Health and metrics
 * are exempt, so that an operator sees a busy service as busy rather than dead, and so are the
 * OpenAPI files.
 *
 * <p>Ordered after {@code SecurityHeaders} (so a refusal carries the security headers) and before
 * every other filter: a refusal costs no token check and no body is read.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
@Requires(property = "hub.admission.enabled", notEquals = "false")
public class AdmissionControl implements HttpServerFilter {

  private final Permits permits;
  private final BusyAnswer busy;
  private final TaskScheduler scheduler;
  private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);
  private final Timer waited;
  private final Duration maxWait;

  public AdmissionControl(
      @Value("${hub.admission.max-in-flight:32}") int maxInFlight,
      @Value("${hub.admission.max-queued:64}") int maxQueued,
      @Value("${hub.admission.max-wait:1s}") Duration maxWait,
      BusyAnswer busy,
      @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
      Optional<MeterRegistry> registry) {
    this.maxWait = maxWait;
    this.permits = new Permits(maxInFlight, maxQueued, maxWait.toNanos(), System::nanoTime);
    this.busy = busy;
    this.scheduler = scheduler;
    MeterRegistry meters = registry.orElseGet(SimpleMeterRegistry::new);
    Gauge.builder("hub.admission.in_flight", permits, Permits::inFlight)
        .description("Requests being served now (at most hub.admission.max-in-flight)")
        .register(meters);
    Gauge.builder("hub.admission.queued", permits, Permits::queued)
        .description("Requests waiting for a permit now (at most hub.admission.max-queued)")
        .register(meters);
    for (Refusal reason : Refusal.values()) {
      refused.put(
          reason,
          Counter.builder("hub.admission.refused")
              .description("Requests answered 503 busy without being served")
              .tag("reason", reason.tag())
              .register(meters));
    }
    this.waited =
        Timer.builder("hub.admission.wait")
            .description("Time an admitted request waited for its permit")
            .register(meters);
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    if (isExempt(request.getPath())) {
      return chain.proceed(request);
    }
    CompletableFuture<Permit> pending = permits.acquire();
    if (!pending.isDone()) {
      // checked a little after its time is up, never before: a scheduled task does not run early
      scheduler.schedule(maxWait, permits::expire);
    }
    return Mono.fromFuture(pending, true)
        .flatMap(
            permit -> {
              waited.record(permit.waitedNanos(), TimeUnit.NANOSECONDS);
              return Mono.<MutableHttpResponse<?>>from(chain.proceed(request))
                  .doFinally(ending -> permit.release());
            })
        .onErrorResume(
            Refused.class,
            refusal -> {
              refused.get(refusal.reason()).increment();
              return Mono.just(busy.to(request, refusal.reason()));
            })
        .doOnCancel(
            () -> {
              if (permits.withdraw(pending)) {
                refused.get(Refusal.WITHDRAWN).increment();
              }
            });
  }

  /** The permits, for tests and operators to read. */
  public Permits permits() {
    return permits;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.before();
  }

  private static boolean isExempt(String path) {
    return path.equals("/health")
        || path.startsWith("/health/")
        || path.equals("/prometheus")
        || path.startsWith("/openapi/");
  }
}
