package org.improvementhub.measures.value;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * {@code POST /councils/{council}/measures/values/import}: many values from a CSV or XLSX file,
 * sent as the raw body ({@code text/csv} or the XLSX media type) or as the {@code file} part of a
 * multipart form. {@code GET …/import/template} gives the CSV template.
 */
@Controller("/councils/{council}/measures/values/import")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ValueImportController {

  private final ValueImport imports;

  public ValueImportController(ValueImport imports) {
    this.imports = imports;
  }

  @Get("/template")
  @Produces(ImportFile.CSV)
  public String template(@PathVariable String council) {
    return ValueImport.TEMPLATE;
  }

  @Post
  @Consumes({ImportFile.CSV, ImportFile.XLSX})
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<ValueImport.Outcome> importBody(
      @PathVariable String council,
      @Header("Content-Type") String contentType,
      @Nullable @Body byte[] content,
      Authentication caller) {
    return HttpResponse.ok(
        imports.importRows(
            CouncilSlug.of(council), ImportFile.fromBody(contentType, content), caller.getName()));
  }

  @Post
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<ValueImport.Outcome> importForm(
      @PathVariable String council, CompletedFileUpload file, Authentication caller) {
    return HttpResponse.ok(
        imports.importRows(CouncilSlug.of(council), ImportFile.fromForm(file), caller.getName()));
  }
}
