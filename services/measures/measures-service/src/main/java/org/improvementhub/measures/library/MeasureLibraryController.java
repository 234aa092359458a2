package org.improvementhub.measures.library;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import org.improvementhub.web.problem.ProblemException;

/** {@code /measures/library}: the platform-wide library, readable by anyone signed in. */
@Controller("/measures/library")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeasureLibraryController {

  private final MeasureLibrary library;

  public MeasureLibraryController(MeasureLibrary library) {
    this.library = library;
  }

  @Get
  public List<LibraryMeasure> all() {
    return library.all();
  }

  @Get("/{code}")
  public LibraryMeasure one(@PathVariable String code) {
    return library
        .find(code)
        .orElseThrow(() -> ProblemException.notFound("Library measure " + code));
  }
}
