package org.improvementhub.tenancy.status;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.tenancy.audit.TenancyAuditTrail;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.CouncilStatus;
import org.improvementhub.tenancy.council.RegisteredCouncil;
import org.improvementhub.tenancy.council.RegisteredCouncilRepository;
import org.improvementhub.tenancy.events.CouncilStatusChanged;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * Suspends, reinstates and archives councils. Each change updates the registry, adds a line to the
 * history and announces {@link CouncilStatusChanged}, in one transaction.
 */
@Singleton
public class CouncilLifecycle {

  /** The statuses each change may start from. */
  public enum Change {
    SUSPEND(CouncilStatus.SUSPENDED, Set.of(CouncilStatus.ACTIVE)),
    REINSTATE(CouncilStatus.ACTIVE, Set.of(CouncilStatus.SUSPENDED, CouncilStatus.ARCHIVED)),
    ARCHIVE(CouncilStatus.ARCHIVED, Set.of(CouncilStatus.ACTIVE, CouncilStatus.SUSPENDED));

    private final CouncilStatus to;
    private final Set<CouncilStatus> from;

    Change(CouncilStatus to, Set<CouncilStatus> from) {
      this.to = to;
      this.from = from;
    }
  }

  private final RegisteredCouncilRepository councils;
  private final CouncilStatusChangeRepository history;
  private final Outbox outbox;
  private final Clock clock;
  private final TenancyAuditTrail audit;

  public CouncilLifecycle(
      RegisteredCouncilRepository councils,
      CouncilStatusChangeRepository history,
      Outbox outbox,
      Clock clock,
      TenancyAuditTrail audit) {
    this.audit = audit;
    this.councils = councils;
    this.history = history;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public CouncilStatusChange apply(
      CouncilSlug slug, Change change, String reason, Authentication admin) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (change == Change.SUSPEND && why == null) {
      throw ProblemException.invalidField("reason", "say why the council is suspended");
    }
    RegisteredCouncil council =
        councils
            .lockBySlug(slug.value())
            .orElseThrow(() -> ProblemException.notFound("Council '" + slug + "'"));
    if (!change.from.contains(council.status())) {
      throw ProblemException.of(
          ProblemType.CONFLICT,
          "Council '"
              + slug
              + "' is "
              + council.status()
              + ": only a council that is "
              + change.from
              + " can be moved to "
              + change.to);
    }
    councils.changeStatus(slug.value(), change.to.name());
    CouncilStatusChange recorded =
        history.save(
            new CouncilStatusChange(
                UUID.randomUUID(),
                slug.value(),
                council.status(),
                change.to,
                why,
                admin.getName(),
                clock.instant()));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", change.to.name());
    after.put("reason", why);
    audit.record(
        slug.value(),
        "council",
        slug.value(),
        // SUSPENDED, REINSTATED, ARCHIVED
        change.name() + (change.name().endsWith("E") ? "D" : "ED"),
        Map.of("status", council.status().name()),
        after);
    outbox.append(
        CouncilStatusChanged.TOPIC,
        slug,
        CouncilStatusChanged.TYPE,
        1,
        slug.value(),
        new CouncilStatusChanged(
            slug.value(), council.name(), council.status().name(), change.to.name(), why));
    return recorded;
  }

  /** The council's status changes, oldest first. */
  @Transactional
  public List<CouncilStatusChange> historyOf(CouncilSlug slug) {
    if (!councils.existsById(slug.value())) {
      throw ProblemException.notFound("Council '" + slug + "'");
    }
    return history.findBySlugOrderByChangedAt(slug.value());
  }
}
