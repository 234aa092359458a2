package org.improvementhub.measures.measure;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.improvementhub.tenancy.context.CouncilSlug;

/** {@code /councils/{council}/measures}: the council is checked against the token by the filter. */
@Controller("/councils/{council}/measures")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeasureController {

  private final Measures measures;

  public MeasureController(Measures measures) {
    this.measures = measures;
  }

  @Post
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<MeasureView> define(
      @PathVariable String council, @Body @Valid NewMeasure measure) {
    Measure saved = measures.define(CouncilSlug.of(council), measure);
    return HttpResponse.created(
        MeasureView.of(saved),
        UriBuilder.of("/councils")
            .path(council)
            .path("measures")
            .path(saved.id().toString())
            .build());
  }

  @Get
  public List<MeasureView> list(@PathVariable String council) {
    return measures.viewAll();
  }

  @Get("/{id}")
  public MeasureView get(@PathVariable String council, @PathVariable UUID id) {
    return measures.view(id);
  }
}
