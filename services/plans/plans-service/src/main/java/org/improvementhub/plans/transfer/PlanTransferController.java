package org.improvementhub.plans.transfer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.tabular.TabularFile;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * {@code POST /councils/{council}/programmes/import}: a whole programme from a plan file (CSV or
 * XLSX, as the raw body or the {@code file} part of a form), all or nothing; {@code ?dryRun=true}
 * only checks it. {@code GET /councils/{council}/programmes/{id}/export}: the programme in the same
 * template, CSV or XLSX by {@code format} or the {@code Accept} header.
 */
@Controller("/councils/{council}/programmes")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PlanTransferController {

  private final PlanImport imports;
  private final PlanExport exports;

  public PlanTransferController(PlanImport imports, PlanExport exports) {
    this.imports = imports;
    this.exports = exports;
  }

  /**
   * Imports a programme from the body, a CSV or XLSX plan file.
   *
   * @param dryRun when true, checks the file and counts what it holds without storing anything
   * @return 201 with the new programme's id and counts; 400 listing every bad row
   */
  @ApiResponse(
      responseCode = "201",
      description = "Imported: the new programme's id and what it holds",
      content = @Content(schema = @Schema(implementation = ImportOutcome.class)))
  @ApiResponse(
      responseCode = "200",
      description = "Dry run: what the file holds; nothing stored",
      content = @Content(schema = @Schema(implementation = ImportOutcome.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "Nothing imported: problem+json whose errors name every bad cell as"
              + " rows[<row>].<column> (the header is row 1)")
  @Post("/import")
  @Consumes({PlanTemplate.CSV, PlanTemplate.XLSX})
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<ImportOutcome> importBody(
      @PathVariable String council,
      @Header(HttpHeaders.CONTENT_TYPE) String contentType,
      @Nullable @QueryValue Boolean dryRun,
      @Nullable @Body byte[] content) {
    return answer(council, content, TabularFile.kindOf(contentType), Boolean.TRUE.equals(dryRun));
  }

  /**
   * Imports a programme from a plan file: CSV or XLSX, as the raw body or as the {@code file} part
   * of a form; see {@code GET /plan-template} for the columns.
   *
   * @param dryRun when true, checks the file and counts what it holds without storing anything
   */
  @ApiResponse(
      responseCode = "201",
      description = "Imported: the new programme's id and what it holds",
      content = @Content(schema = @Schema(implementation = ImportOutcome.class)))
  @ApiResponse(
      responseCode = "200",
      description = "Dry run: what the file holds; nothing stored",
      content = @Content(schema = @Schema(implementation = ImportOutcome.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "Nothing imported: problem+json whose errors name every bad cell as"
              + " rows[<row>].<column> (the header is row 1)")
  @Post("/import")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<ImportOutcome> importForm(
      @PathVariable String council,
      @Nullable @QueryValue Boolean dryRun,
      CompletedFileUpload file) {
    String kind =
        TabularFile.kindOfUpload(
            file.getFilename(), TabularFile.declaredType(file::getContentType));
    try {
      return answer(council, file.getBytes(), kind, Boolean.TRUE.equals(dryRun));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<ImportOutcome> answer(
      String council, byte[] content, String kind, boolean dryRun) {
    ImportOutcome outcome =
        imports.importPlan(CouncilSlug.of(council), PlanSheets.read(content, kind), dryRun);
    if (dryRun) {
      return HttpResponse.ok(outcome);
    }
    return HttpResponse.created(outcome)
        .header(
            HttpHeaders.LOCATION, "/councils/" + council + "/programmes/" + outcome.programmeId());
  }

  /**
   * The programme as a plan file that imports back to the same plan.
   *
   * @param format {@code csv} or {@code xlsx}; without it, the {@code Accept} header decides (CSV
   *     unless it asks for XLSX)
   */
  @Get("/{id}/export")
  @Produces({PlanTemplate.CSV, PlanTemplate.XLSX, MediaType.APPLICATION_JSON})
  public HttpResponse<byte[]> export(
      @PathVariable String council,
      @PathVariable UUID id,
      @Nullable @QueryValue String format,
      @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
    List<Map<String, String>> rows = exports.rows(CouncilSlug.of(council), id);
    return PlanTemplateController.file(
        PlanTemplateController.kind(format, accept), rows, "plan-" + council);
  }
}
