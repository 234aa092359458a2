package org.improvementhub.portal.onboarding;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.improvementhub.portal.page.Choice;
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
 * The council's own Word plan, read by the plans API: upload, preview (the tree with counts, every
 * flagged cell and where it came from, the column mapping as a form), re-map, then confirm or
 * download the proposal as the plan template. A newer version of a document already imported is
 * compared with its programme instead: the changes page lists new, changed and dropped actions and
 * the proposed progress reports, and applies them once the person has checked them (each dropped
 * action kept or withdrawn). The proposal lives in the plans API, so nothing is kept here and
 * nothing is stored in the plan until the person confirms or applies.
 */
@Controller(value = "/councils/{council}/plan-documents", produces = MediaType.TEXT_HTML)
public class WordPlanController {

  /** The roles the plans API lets upload, re-map and confirm a document. */
  private static final Set<String> WRITING_ROLES =
      Set.of("PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER");

  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;
  private final CouncilNames councils;

  public WordPlanController(
      Sessions sessions, Pages pages, HubServices services, CouncilNames councils) {
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
    this.councils = councils;
  }

  /** The upload form (for the roles that may upload; others read why there is none). */
  @Get
  public ModelAndView<Map<String, Object>> page(
      HttpRequest<?> request, @PathVariable String council) {
    Person person = sessions.person(request);
    String slug = CouncilAddress.slug(council);
    // the council's programmes are read so another council's address is not found, as elsewhere
    return new ModelAndView<>("plan-document", uploadModel(request, person, slug));
  }

  /** Sends the document to the plans API; its proposal, or its problem in the error summary. */
  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  public HttpResponse<?> upload(
      HttpRequest<?> request,
      @PathVariable String council,
      @Nullable @Part("file") CompletedFileUpload file,
      @Nullable @Part("programme") String programme,
      @Nullable @Part("csrf") String csrf) {
    PortalSession session = sessions.signedInForm(request, csrf);
    Person person = session.person();
    String slug = CouncilAddress.slug(council);
    refuseUnlessWriting(person);
    FormErrors errors = FormErrors.none();
    if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
      errors.add("file", "file", "Select your Word action plan to upload");
    } else if (file.getSize() == 0) {
      errors.add("file", "file", "The selected file is empty");
    } else if (file.getSize() > UploadLimits.FILE_BYTES) {
      // what the plans API accepts: said on the form rather than sent to be refused
      errors.add("file", "file", "The selected file must be smaller than 5 MB");
    } else {
      try {
        // a newer version is compared with the programme it updates; otherwise a new plan
        String target =
            programme == null || programme.isBlank()
                ? "/programmes/documents"
                : "/programmes/" + CouncilAddress.id(programme) + "/documents";
        Map<String, Object> proposal =
            services.postFile(
                HubService.PLANS,
                "/councils/"
                    + slug
                    + target
                    + "?fileName="
                    + URLEncoder.encode(file.getFilename(), StandardCharsets.UTF_8),
                person.accessToken(),
                DOCX,
                bytes(file));
        return HttpResponse.seeOther(
            URI.create(
                "/councils/"
                    + slug
                    + "/plan-documents/"
                    + CouncilAddress.id(String.valueOf(proposal.get("id")))));
      } catch (InvalidAtService refused) {
        // the plans API names the file field: not Word, damaged, protected, no action table
        if (refused.fields().isEmpty()) {
          errors.add("file", "file", sentence(refused.getMessage()));
        }
        for (FieldProblem problem : refused.fields()) {
          errors.add("file", "file", sentence(problem.message()));
        }
      }
    }
    Map<String, Object> model = uploadModel(request, person, slug);
    model.put("chosenProgramme", programme == null ? "" : programme);
    Pages.showErrors(model, errors);
    return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(new ModelAndView<>("plan-document", model));
  }

  /** The proposal: counts, tree, flags, mapping, and the confirm. */
  @Get("/{id}")
  public ModelAndView<Map<String, Object>> preview(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Nullable @QueryValue String remapped,
      @Nullable @QueryValue String resolved,
      @Nullable @QueryValue String applied) {
    Person person = sessions.person(request);
    String slug = CouncilAddress.slug(council);
    Map<String, Object> model = previewModel(request, person, slug, CouncilAddress.id(id));
    model.put("remapped", remapped != null);
    model.put("resolved", resolved != null);
    model.put("justApplied", applied != null);
    return new ModelAndView<>(view(model), model);
  }

  /**
   * Applies what a newer version of the document changes, once the person has said they checked it;
   * each action the document no longer lists is kept or withdrawn as they chose.
   */
  @Post(value = "/{id}/apply", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> apply(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Body Map<String, String> body) {
    PortalSession session = sessions.signedInForm(request, body.get("csrf"));
    Person person = session.person();
    String slug = CouncilAddress.slug(council);
    UUID document = CouncilAddress.id(id);
    refuseUnlessWriting(person);
    FormErrors errors = FormErrors.none();
    List<String> withdraw = new ArrayList<>();
    for (int i = 0; body.containsKey("ref-" + i); i++) {
      String choice = body.get("removed-" + i);
      if ("WITHDRAW".equals(choice)) {
        withdraw.add(body.get("ref-" + i));
      } else if (!"KEEP".equals(choice)) {
        errors.add(
            "removed-" + i,
            "removed-" + i,
            "Select whether to keep or withdraw action " + body.get("ref-" + i));
      }
    }
    String reason = body.getOrDefault("reason", "").strip();
    if (reason.length() > 2000) {
      errors.add("reason", "reason", "The reason must be 2000 characters or fewer");
    }
    if (!"yes".equals(body.get("checked"))) {
      errors.add("checked", "checked", "Confirm that you have checked the changes");
    }
    if (!errors.any()) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("withdraw", withdraw);
      if (!reason.isEmpty()) {
        change.put("reason", reason);
      }
      try {
        services.post(
            HubService.PLANS,
            "/councils/" + slug + "/programmes/documents/" + document + "/apply",
            person.accessToken(),
            change);
        return HttpResponse.seeOther(
            URI.create("/councils/" + slug + "/plan-documents/" + document + "?applied=yes"));
      } catch (InvalidAtService refused) {
        if (refused.fields().isEmpty()) {
          errors.add("apply", "apply", sentence(refused.getMessage()));
        }
        for (FieldProblem problem : refused.fields()) {
          errors.add(problem.field(), "apply", problem.field() + ": " + problem.message());
        }
      }
    }
    Map<String, Object> model = previewModel(request, person, slug, document);
    model.put("remapped", false);
    model.put("resolved", false);
    model.put("justApplied", false);
    model.put("form", body);
    Pages.showErrors(model, errors);
    return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(new ModelAndView<>(view(model), model));
  }

  /** A re-uploaded document's proposal shows its changes; a first upload's shows the new plan. */
  private static String view(Map<String, Object> model) {
    return model.get("changes") == null ? "plan-document-preview" : "plan-document-changes";
  }

  /** Changes what the columns hold; the plans API reads the document again and remembers it. */
  @Post(value = "/{id}/mapping", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> mapping(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Body Map<String, String> body) {
    return readAgainWith(
        request,
        council,
        id,
        body,
        new IndexedChoice("mapping", "columns", "header", "header-", "role", "role-"),
        "?remapped=yes#mapping");
  }

  /** Chooses, per duplicate ref, what the plan does with the later action; the API reads again. */
  @Post(value = "/{id}/duplicates", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> duplicates(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Body Map<String, String> body) {
    return readAgainWith(
        request,
        council,
        id,
        body,
        new IndexedChoice(
            "duplicates", "choices", "ref", "duplicate-ref-", "resolution", "duplicate-"),
        "?resolved=yes#duplicates");
  }

  /**
   * A form of numbered rows ({@code keyField-0}, {@code valueField-0}, …) sent to the plans API as
   * a list of {@code {key, value}} choices; rows left unchosen are not sent.
   */
  private record IndexedChoice(
      String route, String list, String key, String keyField, String value, String valueField) {

    Map<String, Object> body(Map<String, String> form) {
      List<Map<String, String>> chosen = new ArrayList<>();
      for (int i = 0; form.containsKey(keyField + i); i++) {
        String picked = form.get(valueField + i);
        if (picked != null && !picked.isBlank()) {
          chosen.add(Map.of(key, form.get(keyField + i), value, picked));
        }
      }
      return Map.of(list, chosen);
    }
  }

  /** Sends the choices; the API reads the document again. Refusals show on the preview. */
  private HttpResponse<?> readAgainWith(
      HttpRequest<?> request,
      String council,
      String id,
      Map<String, String> form,
      IndexedChoice choice,
      String landing) {
    PortalSession session = sessions.signedInForm(request, form.get("csrf"));
    Person person = session.person();
    String slug = CouncilAddress.slug(council);
    UUID document = CouncilAddress.id(id);
    refuseUnlessWriting(person);
    try {
      services.put(
          HubService.PLANS,
          "/councils/" + slug + "/programmes/documents/" + document + "/" + choice.route(),
          person.accessToken(),
          choice.body(form));
    } catch (InvalidAtService refused) {
      return refusedPreview(request, person, slug, document, refused, choice.valueField() + "0");
    }
    return HttpResponse.seeOther(
        URI.create("/councils/" + slug + "/plan-documents/" + document + landing));
  }

  /** Imports the proposal all-or-nothing, then shows the plan with a banner. */
  @Post(value = "/{id}/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> confirm(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Body Map<String, String> body) {
    PortalSession session = sessions.signedInForm(request, body.get("csrf"));
    Person person = session.person();
    String slug = CouncilAddress.slug(council);
    UUID document = CouncilAddress.id(id);
    refuseUnlessWriting(person);
    FormErrors errors = FormErrors.none();
    Map<String, String> settings = ProgrammeSettings.from(body, errors);
    if (errors.any()) {
      Map<String, Object> model = previewModel(request, person, slug, document);
      model.put("remapped", false);
      model.put("resolved", false);
      model.put("form", body);
      Pages.showErrors(model, errors);
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(new ModelAndView<>(view(model), model));
    }
    Map<String, Object> outcome;
    try {
      outcome =
          services.post(
              HubService.PLANS,
              "/councils/" + slug + "/programmes/documents/" + document + "/confirm",
              person.accessToken(),
              Map.of("settings", settings));
    } catch (InvalidAtService refused) {
      return refusedPreview(request, person, slug, document, refused, "confirm", body);
    }
    return HttpResponse.seeOther(
        URI.create(
            "/councils/"
                + slug
                + "/plan?imported="
                + ((Number) outcome.getOrDefault("actions", 0)).intValue()));
  }

  /** The proposal as the plan template, to fix in Excel and import from "Import or export". */
  @Get("/{id}/template")
  public HttpResponse<byte[]> template(
      HttpRequest<?> request, @PathVariable String council, @PathVariable String id) {
    Person person = sessions.person(request);
    return services
        .download(
            HubService.PLANS,
            "/councils/"
                + CouncilAddress.slug(council)
                + "/programmes/documents/"
                + CouncilAddress.id(id)
                + "/template?format=xlsx",
            person.accessToken())
        .toBrowser();
  }

  private HttpResponse<?> refusedPreview(
      HttpRequest<?> request,
      Person person,
      String slug,
      UUID document,
      InvalidAtService refused,
      String inputId) {
    return refusedPreview(request, person, slug, document, refused, inputId, null);
  }

  private HttpResponse<?> refusedPreview(
      HttpRequest<?> request,
      Person person,
      String slug,
      UUID document,
      InvalidAtService refused,
      String inputId,
      Map<String, String> form) {
    Map<String, Object> model = previewModel(request, person, slug, document);
    if (form != null) {
      model.put("form", form);
    }
    model.put("remapped", false);
    model.put("resolved", false);
    FormErrors errors = FormErrors.none();
    if (refused.fields().isEmpty()) {
      errors.add(inputId, inputId, refused.getMessage());
    }
    for (FieldProblem problem : refused.fields()) {
      errors.add(problem.field(), inputId, problem.field() + ": " + problem.message());
    }
    model.put("justApplied", false);
    Pages.showErrors(model, errors);
    return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(new ModelAndView<>(view(model), model));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> previewModel(
      HttpRequest<?> request, Person person, String slug, UUID document) {
    Map<String, Object> proposal =
        services.object(
            HubService.PLANS,
            "/councils/" + slug + "/programmes/documents/" + document,
            person.accessToken());
    Map<String, Object> model =
        pages.model(
            request,
            proposal.get("diff") == null
                ? "Check the plan read from your document"
                : "Check what the newer document changes",
            section(person));
    model.put("council", slug);
    model.put("councilName", councils.name(person, slug));
    model.put("canWrite", canWrite(person));
    model.put("document", document);
    model.put("fileName", ProposedRow.text(proposal.get("fileName")));
    model.put("title", ProposedRow.text(proposal.get("title")));
    model.put("confirmed", "CONFIRMED".equals(proposal.get("status")));
    model.put("applied", "APPLIED".equals(proposal.get("status")));
    ProposedChanges changes = ProposedChanges.of(proposal.get("diff"));
    model.put("changes", changes);
    model.put("form", ProgrammeSettings.proposed(proposal.get("programme")));
    model.put("triggers", ProgrammeSettings.TRIGGERS);
    if (changes != null) {
      Object programmeId = proposal.get("programmeId");
      model.put("programmeId", ProposedRow.text(programmeId));
      model.put(
          "programmeName",
          ProposedRow.text(
              services
                  .object(
                      HubService.PLANS,
                      "/councils/"
                          + slug
                          + "/programmes/"
                          + CouncilAddress.id(String.valueOf(programmeId)),
                      person.accessToken())
                  .get("name")));
    }
    model.put("counts", proposal.getOrDefault("countsPerLevel", Map.of()));
    List<Map<String, Object>> flags =
        (List<Map<String, Object>>) proposal.getOrDefault("flags", List.of());
    model.put("flagCount", flags.size());
    model.put("flagGroups", FlaggedCell.groups(flags));
    model.put(
        "tree",
        ProposedRow.tree(
            (List<Map<String, Object>>) proposal.getOrDefault("items", List.of()),
            (List<Map<String, Object>>) proposal.getOrDefault("actions", List.of())));
    model.put(
        "columns",
        ColumnChoice.of((List<Map<String, Object>>) proposal.getOrDefault("mapping", List.of())));
    model.put("roles", ColumnChoice.ROLES);
    model.put("duplicates", DuplicateChoice.of(proposal));
    model.put("resolutions", DuplicateChoice.RESOLUTIONS);
    return model;
  }

  private Map<String, Object> uploadModel(HttpRequest<?> request, Person person, String slug) {
    Map<String, Object> model =
        pages.model(request, "Upload your Word action plan", section(person));
    List<Choice> programmes = new ArrayList<>();
    for (Map<String, Object> programme :
        services.list(
            HubService.PLANS, "/councils/" + slug + "/programmes", person.accessToken())) {
      programmes.add(
          Choice.of(
              String.valueOf(programme.get("id")),
              "A newer version of the plan for " + programme.get("name")));
    }
    model.put("programmes", programmes);
    model.put("chosenProgramme", "");
    model.put("council", slug);
    model.put("councilName", councils.name(person, slug));
    model.put("canWrite", canWrite(person));
    return model;
  }

  private static String section(Person person) {
    return person.council() == null ? "oversight" : "plan-files";
  }

  private static boolean canWrite(Person person) {
    return person.roles().stream().anyMatch(WRITING_ROLES::contains);
  }

  private static void refuseUnlessWriting(Person person) {
    if (!canWrite(person)) {
      throw new RefusedAtService("Plan document");
    }
  }

  /** The API's message as a GOV.UK error message: a sentence starting with a capital. */
  static String sentence(String message) {
    return message == null || message.isEmpty()
        ? "The document could not be read"
        : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }

  private static byte[] bytes(CompletedFileUpload file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
