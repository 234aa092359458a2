package org.improvementhub.plans.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * A newer version of the Word plan a programme came from: {@code POST
 * /councils/{council}/programmes/{programme}/documents} stores a proposal whose {@code diff} says
 * what the document changes in that programme; {@code POST …/programmes/documents/{id}/apply}
 * applies it.
 */
@Controller("/councils/{council}/programmes/{programme}/documents")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ReuploadController {

  private final DocumentProposals proposals;

  public ReuploadController(DocumentProposals proposals) {
    this.proposals = proposals;
  }

  /**
   * Reads the newer document and compares it with the programme; nothing in the plan changes.
   *
   * @param fileName the document's file name, shown with the proposal and named in the audit
   */
  @ApiResponse(
      responseCode = "201",
      description =
          "The proposal with its diff: new, changed and removed actions, proposed progress reports",
      content = @Content(schema = @Schema(implementation = ProposalView.class)))
  @ApiResponse(responseCode = "400", description = "Not stored: problem+json naming `file`")
  @ApiResponse(responseCode = "404", description = "No such programme in this council")
  @Post
  @Consumes({PlanDocumentController.DOCX, MediaType.APPLICATION_OCTET_STREAM})
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<ProposalView> upload(
      @PathVariable String council,
      @PathVariable UUID programme,
      @Nullable @QueryValue String fileName,
      @Nullable @Body byte[] document) {
    return PlanDocumentController.created(
        council,
        proposals.upload(
            CouncilSlug.of(council),
            programme,
            PlanDocumentController.name(fileName),
            document == null ? new byte[0] : document));
  }
}
