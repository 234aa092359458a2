package org.improvementhub.tenancy.readiness;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.CouncilStatus;
import org.improvementhub.tenancy.council.RegisteredCouncil;
import org.improvementhub.tenancy.council.RegisteredCouncilRepository;
import org.improvementhub.tenancy.council.ServiceReadinessRepository;
import org.improvementhub.tenancy.events.CouncilActivated;
import org.improvementhub.tenancy.events.CouncilSchemaReady;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts services' answers for a council and activates it when every required service is ready.
 * Runs inside the inbox's transaction, so the answer, the activation and the event commit together.
 */
@Singleton
public class CouncilReadiness {

  private static final Logger LOG = LoggerFactory.getLogger(CouncilReadiness.class);

  private final RegisteredCouncilRepository councils;
  private final ServiceReadinessRepository readiness;
  private final Outbox outbox;
  private final Clock clock;
  private final Set<String> requiredServices;

  public CouncilReadiness(
      RegisteredCouncilRepository councils,
      ServiceReadinessRepository readiness,
      Outbox outbox,
      Clock clock,
      @Value("${hub.provisioning.required-services:plans,measures,notifications}")
          List<String> requiredServices) {
    this.councils = councils;
    this.readiness = readiness;
    this.outbox = outbox;
    this.clock = clock;
    this.requiredServices = new TreeSet<>(requiredServices.stream().map(String::strip).toList());
  }

  /**
   * Records one service's answer; must run in a transaction.
   *
   * @return the council's status afterwards, or empty if the council is not registered here
   */
  public Optional<CouncilStatus> record(CouncilSchemaReady answer) {
    Optional<CouncilSlug> slug = CouncilSlug.parse(answer.slug());
    // The row lock orders concurrent answers for one council, so the last one always sees the rest.
    Optional<RegisteredCouncil> council = slug.flatMap(s -> councils.lockBySlug(s.value()));
    if (council.isEmpty()) {
      LOG.warn(
          "{} answered for unregistered council '{}'; ignored", answer.service(), answer.slug());
      return Optional.empty();
    }
    Instant now = clock.instant();
    readiness.record(answer.slug(), answer.service(), answer.schemaVersion(), now);
    if (council.get().status() != CouncilStatus.PROVISIONING) {
      return Optional.of(council.get().status());
    }
    List<String> ready = readiness.servicesReady(answer.slug());
    if (!ready.containsAll(requiredServices)) {
      LOG.info("Council {}: {} of {} ready", answer.slug(), ready, requiredServices);
      return Optional.of(CouncilStatus.PROVISIONING);
    }
    if (councils.activate(answer.slug(), now) == 1) {
      outbox.append(
          CouncilActivated.TOPIC,
          slug.get(),
          CouncilActivated.TYPE,
          1,
          answer.slug(),
          new CouncilActivated(answer.slug(), council.get().name()));
      LOG.info("Council {} is active: {} ready", answer.slug(), ready);
    }
    return Optional.of(CouncilStatus.ACTIVE);
  }
}
