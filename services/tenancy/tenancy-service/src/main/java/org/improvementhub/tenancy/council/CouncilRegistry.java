package org.improvementhub.tenancy.council;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.tenancy.audit.TenancyAuditTrail;
import org.improvementhub.tenancy.context.CouncilAccess;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.council.ServiceReadinessRepository.ServiceReady;
import org.improvementhub.tenancy.events.CouncilProvisioned;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/** Provisions councils and answers who may see which. */
@Singleton
public class CouncilRegistry {

  private final RegisteredCouncilRepository councils;
  private final ServiceReadinessRepository readiness;
  private final CouncilSchemas schemas;
  private final Outbox outbox;
  private final Clock clock;
  private final TenancyAuditTrail audit;

  public CouncilRegistry(
      RegisteredCouncilRepository councils,
      ServiceReadinessRepository readiness,
      CouncilSchemas schemas,
      Outbox outbox,
      Clock clock,
      TenancyAuditTrail audit) {
    this.audit = audit;
    this.councils = councils;
    this.readiness = readiness;
    this.schemas = schemas;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Registers the council, creates its schema and announces it, all in one transaction: either all
   * three happen or none does.
   */
  @Transactional
  public CouncilView provision(NewCouncil request) {
    CouncilSlug slug = CouncilSlug.of(request.slug());
    String name = request.name().strip();
    int laCode = request.laCode();
    if (councils.existsById(slug.value())) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "A council with slug '" + slug + "' exists already");
    }
    if (councils.existsByLaCode(laCode)) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "A council with LA code " + laCode + " exists already");
    }
    RegisteredCouncil council =
        councils.save(RegisteredCouncil.provisioning(slug.value(), name, laCode, clock.instant()));
    schemas.create(slug);
    outbox.append(
        CouncilProvisioned.TOPIC,
        slug,
        CouncilProvisioned.TYPE,
        1,
        slug.value(),
        new CouncilProvisioned(slug.value(), name, laCode, slug.schemaName()));
    CouncilView view = CouncilView.of(council, List.of());
    audit.record(slug.value(), "council", slug.value(), "PROVISIONED", null, view);
    return view;
  }

  /** The councils {@code caller} may see: all for a platform admin, those in scope otherwise. */
  @Transactional
  public List<CouncilView> visibleTo(Authentication caller) {
    Map<String, List<String>> ready =
        readiness.findAllReady().stream()
            .collect(
                Collectors.groupingBy(
                    ServiceReady::slug,
                    Collectors.mapping(ServiceReady::service, Collectors.toList())));
    return councils.findAllOrderBySlug().stream()
        .filter(council -> mayRead(caller, council))
        .map(council -> CouncilView.of(council, ready.getOrDefault(council.slug(), List.of())))
        .toList();
  }

  /** The council, if it exists and {@code caller} may see it; otherwise nothing at all. */
  @Transactional
  public Optional<CouncilView> find(CouncilSlug slug, Authentication caller) {
    return councils
        .findById(slug.value())
        .filter(council -> mayRead(caller, council))
        .map(council -> CouncilView.of(council, readiness.servicesReady(council.slug())));
  }

  /** Whether the council is registered, whoever asks. */
  @Transactional
  public boolean exists(CouncilSlug slug) {
    return councils.existsById(slug.value());
  }

  private static boolean mayRead(Authentication caller, RegisteredCouncil council) {
    return CouncilAccess.decide(caller, CouncilSlug.of(council.slug()), false)
        == CouncilAccess.Decision.ALLOWED;
  }
}
