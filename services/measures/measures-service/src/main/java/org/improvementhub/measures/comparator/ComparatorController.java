package org.improvementhub.measures.comparator;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;

/**
 * {@code /councils/{council}/measures/{id}/comparators}: the England and statistical-neighbour
 * averages per year, set with a PUT to {@code …/comparators/{year}}.
 */
@Controller("/councils/{council}/measures/{id}/comparators")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ComparatorController {

  private final Comparators comparators;

  public ComparatorController(Comparators comparators) {
    this.comparators = comparators;
  }

  @Get
  public List<ComparatorView> all(@PathVariable String council, @PathVariable UUID id) {
    return comparators.all(id);
  }

  @Put("/{year}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public ComparatorView set(
      @PathVariable String council,
      @PathVariable UUID id,
      @PathVariable String year,
      @Body @Valid ComparatorEntry entry,
      Authentication caller) {
    return comparators.set(id, year, entry, caller.getName());
  }
}
