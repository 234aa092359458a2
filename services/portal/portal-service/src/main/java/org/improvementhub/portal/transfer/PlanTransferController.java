package org.improvementhub.portal.transfer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.improvementhub.portal.page.FormErrors;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.services.CouncilAddress;
import org.improvementhub.portal.services.CouncilNames;
import org.improvementhub.portal.services.FieldProblem;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.services.InvalidAtService;
import org.improvementhub.portal.services.RefusedAtService;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.PortalSession;
import org.improvementhub.portal.session.Sessions;

/**
 * Importing a plan from a file in two steps, as the GOV.UK "check answers" pattern does: the upload
 * is checked by the plans API's dry run, which stores nothing; every bad row is shown, or the
 * counts with a button that runs the real import. Exporting a programme, and the blank template,
 * are downloads passed through from the plans API.
 */
@Controller(produces = MediaType.TEXT_HTML)
public class PlanTransferController {

  /**
   * The roles the plans API lets import (an action lead may report progress, not replace plans).
   */
  private static final Set<String> IMPORTING_ROLES =
      Set.of("PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER");

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;
  private final CouncilNames councils;
  private final PendingImports pending;

  public PlanTransferController(
      Sessions sessions,
      Pages pages,
      HubServices services,
      CouncilNames councils,
      PendingImports pending) {
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
    this.councils = councils;
    this.pending = pending;
  }

  /** The upload form, the programmes to export and the blank template. */
  @Get("/councils/{council}/plan-files")
  public ModelAndView<Map<String, Object>> page(
      HttpRequest<?> request,
      @PathVariable String council,
      @Nullable @QueryValue String imported,
      @Nullable @QueryValue Integer actions) {
    Person person = sessions.person(request);
    Map<String, Object> model = model(request, person, CouncilAddress.slug(council));
    model.put("imported", imported != null);
    model.put("importedActions", actions == null ? 0 : actions);
    return new ModelAndView<>("plan-files", model);
  }

  /** Checks an uploaded file with the dry run: every problem, or what it holds and a confirm. */
  @Post(value = "/councils/{council}/plan-files", consumes = MediaType.MULTIPART_FORM_DATA)
  public HttpResponse<?> check(
      HttpRequest<?> request,
      @PathVariable String council,
      @Nullable @Part("file") CompletedFileUpload file,
      @Nullable @Part("csrf") String csrf) {
    PortalSession session = sessions.signedInForm(request, csrf);
    Person person = session.person();
    String slug = CouncilAddress.slug(council);
    refuseUnlessImporting(person);
    Map<String, Object> model = model(request, person, slug);
    FormErrors errors = FormErrors.none();
    PlanFile plan = null;
    if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
      errors.add("file", "file", "Select a plan file to upload");
    } else if (file.getSize() == 0) {
      errors.add("file", "file", "The selected file is empty");
    } else {
      plan = PlanFile.of(slug, file.getFilename(), bytes(file));
      if (plan == null) {
        errors.add("file", "file", "The selected file must be a CSV or XLSX");
      }
    }
    if (errors.any()) {
      Pages.showErrors(model, errors);
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(new ModelAndView<>("plan-files", model));
    }
    try {
      Map<String, Object> outcome =
          services.postFile(
              HubService.PLANS,
              "/councils/" + slug + "/programmes/import?dryRun=true",
              person.accessToken(),
              plan.mediaType(),
              plan.content());
      model.put("file", plan.name());
      model.put("outcome", outcome);
      model.put("pending", pending.keep(session.id(), plan));
      return HttpResponse.ok(new ModelAndView<>("plan-file-check", model));
    } catch (InvalidAtService refused) {
      List<RowError> rows =
          refused.fields().stream().map(f -> RowError.of(f.field(), f.message())).toList();
      FormErrors summary = FormErrors.none();
      if (rows.isEmpty()) {
        summary.add("file", "file", refused.getMessage());
      }
      for (FieldProblem problem : refused.fields()) {
        summary.add(
            problem.field(), "file", RowError.of(problem.field(), problem.message()).summary());
      }
      model.put("file", plan.name());
      model.put("rowErrors", rows);
      model.put("detail", refused.getMessage());
      Pages.showErrors(model, summary);
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(new ModelAndView<>("plan-files", model));
    }
  }

  /** Imports the file the person checked and confirmed. */
  @Post(
      value = "/councils/{council}/plan-files/{pendingId}/import",
      consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> confirm(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String pendingId,
      @Body Map<String, String> body) {
    PortalSession session = sessions.signedInForm(request, body.get("csrf"));
    Person person = session.person();
    String slug = CouncilAddress.slug(council);
    refuseUnlessImporting(person);
    PlanFile plan = pending.take(pendingId, session.id(), slug).orElse(null);
    if (plan == null) {
      Map<String, Object> model = model(request, person, slug);
      Pages.showErrors(
          model,
          FormErrors.none()
              .add(
                  "file",
                  "file",
                  "The checked file is no longer kept (after 30 minutes): upload it again"));
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(new ModelAndView<>("plan-files", model));
    }
    Map<String, Object> outcome =
        services.postFile(
            HubService.PLANS,
            "/councils/" + slug + "/programmes/import",
            person.accessToken(),
            plan.mediaType(),
            plan.content());
    return HttpResponse.seeOther(
        URI.create(
            "/councils/"
                + slug
                + "/plan-files?imported="
                + CouncilAddress.id(String.valueOf(outcome.get("programmeId")))
                + "&actions="
                + ((Number) outcome.getOrDefault("actions", 0)).intValue()));
  }

  /** A programme as a plan file, CSV or XLSX. */
  @Get("/councils/{council}/programmes/{id}/export")
  public HttpResponse<byte[]> export(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Nullable @QueryValue String format) {
    Person person = sessions.person(request);
    UUID programme = CouncilAddress.id(id);
    return services
        .download(
            HubService.PLANS,
            "/councils/"
                + CouncilAddress.slug(council)
                + "/programmes/"
                + programme
                + "/export?format="
                + format(format),
            person.accessToken())
        .toBrowser();
  }

  /** The blank plan template with its guide, CSV or XLSX. */
  @Get("/plan-template")
  public HttpResponse<byte[]> template(
      HttpRequest<?> request, @Nullable @QueryValue String format) {
    Person person = sessions.person(request);
    return services
        .download(HubService.PLANS, "/plan-template?format=" + format(format), person.accessToken())
        .toBrowser();
  }

  private static String format(@Nullable String format) {
    return "xlsx".equals(format) ? "xlsx" : "csv";
  }

  private static void refuseUnlessImporting(Person person) {
    if (person.roles().stream().noneMatch(IMPORTING_ROLES::contains)) {
      throw new RefusedAtService("Plan import");
    }
  }

  private static byte[] bytes(CompletedFileUpload file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Object> model(HttpRequest<?> request, Person person, String slug) {
    List<Map<String, Object>> programmes =
        services.list(HubService.PLANS, "/councils/" + slug + "/programmes", person.accessToken());
    Map<String, Object> model =
        pages.model(
            request,
            "Import or export a plan",
            person.council() == null ? "oversight" : "plan-files");
    model.put("council", slug);
    model.put("councilName", councils.name(person, slug));
    model.put("programmes", programmes);
    model.put("canImport", person.roles().stream().anyMatch(IMPORTING_ROLES::contains));
    model.put("rowErrors", List.of());
    model.put("detail", "");
    model.put("file", "");
    return model;
  }
}
