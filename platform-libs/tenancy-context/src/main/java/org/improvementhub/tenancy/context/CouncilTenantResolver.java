package org.improvementhub.tenancy.context;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.multitenancy.exceptions.TenantNotFoundException;
import io.micronaut.multitenancy.tenantresolver.HttpRequestTenantResolver;
import io.micronaut.multitenancy.tenantresolver.TenantResolver;
import jakarta.inject.Singleton;
import java.io.Serializable;

/**
 * Tells Micronaut Data which council schema a statement runs in.
 *
 * <p>A unit of work bound with {@link CouncilContext} wins; otherwise the HTTP request's path names
 * the council. The slug is validated and checked against the councils this service has migrated
 * before its schema name is returned, so no statement ever runs in a schema that is not a ready
 * council schema.
 */
@Singleton
@Requires(beans = KnownCouncils.class)
public class CouncilTenantResolver implements TenantResolver, HttpRequestTenantResolver {

  private final KnownCouncils councils;

  public CouncilTenantResolver(KnownCouncils councils) {
    this.councils = councils;
  }

  @Override
  public Serializable resolveTenantIdentifier() {
    var bound = CouncilContext.current();
    if (bound.isPresent()) {
      return schemaOf(bound.get());
    }
    return ServerRequestContext.currentRequest()
        .map(this::resolveTenantIdentifier)
        .orElseThrow(() -> new TenantNotFoundException("No council is bound to this work"));
  }

  @Override
  public Serializable resolveTenantIdentifier(HttpRequest<?> request) {
    String segment =
        CouncilPaths.councilSegment(request.getPath())
            .orElseThrow(() -> new TenantNotFoundException("The path names no council"));
    CouncilSlug council =
        CouncilSlug.parse(segment).orElseThrow(() -> new CouncilNotFoundException(segment));
    return schemaOf(council);
  }

  private String schemaOf(CouncilSlug council) {
    return switch (councils.stateOf(council)) {
      case READY -> council.schemaName();
      case NOT_READY -> throw new CouncilNotReadyException(council);
      case UNKNOWN -> throw new CouncilNotFoundException(council.value());
    };
  }
}
