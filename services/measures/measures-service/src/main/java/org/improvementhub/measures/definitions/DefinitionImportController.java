package org.improvementhub.measures.definitions;

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
import io.micronaut.security.rules.SecurityRule;
import org.improvementhub.measures.value.ImportFile;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * {@code POST /councils/{council}/measures/import}: many measure definitions from a CSV or XLSX
 * file, as the raw body or the {@code file} part of a multipart form; {@code GET …/import/template}
 * gives the CSV template.
 */
@Controller("/councils/{council}/measures/import")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class DefinitionImportController {

  private final DefinitionImport imports;

  public DefinitionImportController(DefinitionImport imports) {
    this.imports = imports;
  }

  @Get("/template")
  @Produces(ImportFile.CSV)
  public String template(@PathVariable String council) {
    return DefinitionImport.TEMPLATE;
  }

  @Post
  @Consumes({ImportFile.CSV, ImportFile.XLSX})
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<DefinitionImport.Outcome> importBody(
      @PathVariable String council,
      @Header("Content-Type") String contentType,
      @Nullable @Body byte[] content) {
    return HttpResponse.ok(
        imports.importRows(CouncilSlug.of(council), ImportFile.fromBody(contentType, content)));
  }

  @Post
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<DefinitionImport.Outcome> importForm(
      @PathVariable String council, CompletedFileUpload file) {
    return HttpResponse.ok(imports.importRows(CouncilSlug.of(council), ImportFile.fromForm(file)));
  }
}
