package org.improvementhub.plans.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.plans.transfer.ImportOutcome;
import org.improvementhub.plans.transfer.TemplateRows;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Onboarding from the council's own Word plan. {@code POST
 * /councils/{council}/programmes/documents} (the {@code .docx} as the body or the {@code file} part
 * of a form) stores a proposal and returns it; {@code GET …/documents/{id}} shows it again; {@code
 * PUT …/{id}/mapping} changes what columns hold; {@code POST …/{id}/confirm} imports it; {@code GET
 * …/{id}/template} gives it as the plan template.
 */
@Controller("/councils/{council}/programmes/documents")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PlanDocumentController {

  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final DocumentProposals proposals;

  public PlanDocumentController(DocumentProposals proposals) {
    this.proposals = proposals;
  }

  /**
   * Reads the council's Word action plan into a proposed plan; nothing is imported yet.
   *
   * @param fileName the document's file name, shown with the proposal
   */
  @ApiResponse(
      responseCode = "201",
      description = "The proposed plan: tree, counts per level, column mapping with reasons, flags",
      content = @Content(schema = @Schema(implementation = ProposalView.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "Not stored: problem+json naming `file` — not a Word document, damaged, protected by a"
              + " password, or without a table of actions")
  @ApiResponse(responseCode = "413", description = "Not stored: the document is too large")
  @Post
  @Consumes({DOCX, MediaType.APPLICATION_OCTET_STREAM})
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<ProposalView> upload(
      @PathVariable String council,
      @Nullable @QueryValue String fileName,
      @Nullable @Body byte[] document) {
    // no body at all is an empty file, refused naming `file` (PlansFuzzIT: it named no field)
    byte[] content = document == null ? new byte[0] : document;
    return created(council, proposals.upload(CouncilSlug.of(council), name(fileName), content));
  }

  /** As {@link #upload}, from the {@code file} part of a form. */
  @ApiResponse(
      responseCode = "201",
      description = "The proposed plan",
      content = @Content(schema = @Schema(implementation = ProposalView.class)))
  @ApiResponse(responseCode = "400", description = "Not stored: problem+json naming `file`")
  @Post
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<ProposalView> uploadForm(
      @PathVariable String council, CompletedFileUpload file) {
    try {
      return created(
          council,
          proposals.upload(CouncilSlug.of(council), name(file.getFilename()), file.getBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The proposal as last read (after any mapping change), or the confirmed one. */
  @ApiResponse(
      responseCode = "200",
      description = "The proposed plan",
      content = @Content(schema = @Schema(implementation = ProposalView.class)))
  @Get("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public String view(@PathVariable String council, @PathVariable UUID id) {
    return proposals.view(CouncilSlug.of(council), id);
  }

  /**
   * Changes what columns hold (by header text); the document is read again with the choice, which
   * is remembered for the council's next upload.
   */
  @ApiResponse(
      responseCode = "200",
      description = "The proposal read again with the new mapping",
      content = @Content(schema = @Schema(implementation = ProposalView.class)))
  @ApiResponse(responseCode = "409", description = "The proposal is already confirmed")
  @Put("/{id}/mapping")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public ProposalView mapping(
      @PathVariable String council, @PathVariable UUID id, @Valid @Body MappingChange change) {
    return proposals.remap(CouncilSlug.of(council), id, change);
  }

  /**
   * Chooses what to do with actions whose ref the document uses twice (each named by the ref the
   * later one was proposed as): keep both, renumber it, merge it into the first, or leave it out.
   */
  @ApiResponse(
      responseCode = "200",
      description = "The proposal read again with the choices",
      content = @Content(schema = @Schema(implementation = ProposalView.class)))
  @ApiResponse(
      responseCode = "400",
      description = "A ref that is not one of the document's duplicate actions: choices[i].ref")
  @ApiResponse(responseCode = "409", description = "The proposal is already confirmed")
  @Put("/{id}/duplicates")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public ProposalView duplicates(
      @PathVariable String council, @PathVariable UUID id, @Valid @Body DuplicateChoices change) {
    return proposals.resolve(CouncilSlug.of(council), id, change);
  }

  /**
   * Imports the proposal as a new programme with the plan template's all-or-nothing import.
   *
   * @return 201 with the programme's id and counts; 400 lists every template row the import refused
   */
  @ApiResponse(
      responseCode = "201",
      description = "Imported: the new programme's id and what it holds",
      content = @Content(schema = @Schema(implementation = ImportOutcome.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "Nothing imported: problem+json naming every refused cell as rows[<row>].<column> of the"
              + " proposal's template (GET …/template)")
  @ApiResponse(responseCode = "409", description = "The proposal is already confirmed")
  @Post("/{id}/confirm")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<ImportOutcome> confirm(
      @PathVariable String council, @PathVariable UUID id, @Nullable @Body ConfirmRequest request) {
    Map<String, String> settings =
        request == null || request.settings() == null ? Map.of() : request.settings();
    ImportOutcome outcome = proposals.confirm(CouncilSlug.of(council), id, settings);
    return HttpResponse.created(outcome)
        .header(
            HttpHeaders.LOCATION, "/councils/" + council + "/programmes/" + outcome.programmeId());
  }

  /**
   * Applies a re-uploaded document's diff (see {@code POST /councils/{c}/programmes/{p}/documents})
   * in one transaction: adds the new actions, changes the changed ones, records the proposed
   * progress reports. Actions the document no longer lists are kept, or withdrawn when listed in
   * {@code withdraw}, and named in the answer.
   */
  @ApiResponse(
      responseCode = "200",
      description =
          "Applied: counts, and the refs of the actions kept though the document dropped them",
      content = @Content(schema = @Schema(implementation = ApplyOutcome.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "Nothing applied: problem+json naming the field (withdraw[i], added[i].parentRef)")
  @ApiResponse(
      responseCode = "409",
      description =
          "Nothing applied: the programme changed since the diff was made, the proposal is already"
              + " applied, or it proposes a new programme")
  @Post("/{id}/apply")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public ApplyOutcome apply(
      @PathVariable String council,
      @PathVariable UUID id,
      @Nullable @Body @Valid ApplyRequest request) {
    return proposals.apply(
        CouncilSlug.of(council), id, request == null ? new ApplyRequest(null, null) : request);
  }

  /**
   * The proposal as the plan template, to fix in Excel and upload to {@code POST
   * …/programmes/import}.
   *
   * @param format {@code xlsx} (the default) or {@code csv}
   */
  @Get("/{id}/template")
  @Produces({TemplateRows.XLSX, TemplateRows.CSV, MediaType.APPLICATION_JSON})
  public HttpResponse<byte[]> template(
      @PathVariable String council, @PathVariable UUID id, @Nullable @QueryValue String format) {
    return TemplateRows.file(
        format == null ? "xlsx" : format,
        proposals.templateRows(CouncilSlug.of(council), id),
        "plan-from-document-" + council);
  }

  static HttpResponse<ProposalView> created(String council, ProposalView view) {
    return HttpResponse.created(view)
        .header(
            HttpHeaders.LOCATION, "/councils/" + council + "/programmes/documents/" + view.id());
  }

  static String name(@Nullable String fileName) {
    return fileName == null || fileName.isBlank() ? "plan.docx" : fileName.strip();
  }
}
