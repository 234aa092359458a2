package org.improvementhub.measures.library;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import org.improvementhub.measures.measure.MeasureView;
import org.improvementhub.tenancy.context.CouncilSlug;

/** {@code POST /councils/{council}/measures/adopt}: a library measure becomes the council's own. */
@Controller("/councils/{council}/measures/adopt")
public class AdoptionController {

  private final Adoptions adoptions;

  public AdoptionController(Adoptions adoptions) {
    this.adoptions = adoptions;
  }

  @Post
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<MeasureView> adopt(
      @PathVariable String council, @Body @Valid Adoption adoption) {
    MeasureView adopted = adoptions.adopt(CouncilSlug.of(council), adoption);
    return HttpResponse.created(
        adopted,
        UriBuilder.of("/councils")
            .path(council)
            .path("measures")
            .path(adopted.id().toString())
            .build());
  }
}
