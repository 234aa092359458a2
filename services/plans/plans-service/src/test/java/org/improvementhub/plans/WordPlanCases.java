package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.improvementhub.plans.documents.fixtures.CouncilDocuments;
import org.improvementhub.testsupport.fuzz.AlmostValidBodies;
import org.improvementhub.testsupport.fuzz.AlmostValidDocuments;
import org.improvementhub.testsupport.fuzz.BadBody;
import org.improvementhub.testsupport.fuzz.BadFile;
import org.improvementhub.testsupport.http.ApiResponse;

/**
 * The Word-plan routes under bad input, for {@link PlansFuzzIT}: uploads (new plan or newer version
 * of a programme's, raw or as a form) of a council's document with something wrong, and the column
 * mapping, duplicate choices, confirm and apply given almost-valid bodies. A confirm or apply that
 * succeeds uses its proposal up, so the next one gets a fresh proposal.
 */
final class WordPlanCases {

  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final PlanRequests plans;
  private final String documents;
  private final byte[] walsall = CouncilDocuments.of("walsall");
  private final String programme;
  private final String choicesId;
  private final List<Write> writes;
  private String toConfirm;
  private String toApply;

  /** Where an upload goes and how it is sent. */
  enum Way {
    NEW_PLAN,
    NEW_PLAN_AS_FORM,
    NEWER_VERSION
  }

  /** A Word document with something wrong, and the way it is uploaded. */
  record Upload(Way way, BadFile file) {
    @Override
    public String toString() {
      return way + " " + file;
    }
  }

  /** A route of a proposal that takes a JSON body, and a body it accepts. */
  record Write(String method, String route, String validJson) {}

  /** A write and the almost-valid body sent to it. */
  record Choice(Write write, BadBody body) {
    @Override
    public String toString() {
      return write.method() + " " + write.route() + " " + body;
    }
  }

  WordPlanCases(PlanRequests plans) {
    this.plans = plans;
    this.documents = plans.base() + "/programmes/documents";
    JsonNode peterborough = upload(documents, CouncilDocuments.of("peterborough")).json();
    this.choicesId = peterborough.get("id").asText();
    JsonNode column = peterborough.get("mapping").get(0);
    // a proposal confirmed once, so that its programme has a newer version to apply
    String first = upload(documents, walsall).json().get("id").asText();
    this.programme = confirmed(first);
    this.toConfirm = upload(documents, walsall).json().get("id").asText();
    this.toApply = newerVersion();
    this.writes =
        List.of(
            new Write(
                "PUT",
                "mapping",
                """
                {"columns":[{"header":%s,"role":"%s"}]}
                """
                    .formatted(
                        PlanRequests.quoted(column.get("header").asText()),
                        column.get("role").asText())),
            new Write(
                "PUT",
                "duplicates",
                """
                {"choices":[{"ref":"1.2.1-2","resolution":"RENUMBER"}]}
                """),
            new Write(
                "POST",
                "confirm",
                """
                {"settings":{"name":"Walsall from its Word plan","reporting_cadence":"MONTHLY","start_date":"2024-04-01"}}
                """),
            new Write(
                "POST",
                "apply",
                """
                {"withdraw":[],"reason":"The board's newer version"}
                """));
  }

  /** The proposal the mapping and duplicate choices change, never confirmed. */
  String choicesId() {
    return choicesId;
  }

  Arbitrary<Upload> uploads() {
    return Arbitraries.of(Way.values())
        .flatMap(
            way -> AlmostValidDocuments.from(walsall, DOCX).map(file -> new Upload(way, file)));
  }

  Arbitrary<Choice> choices() {
    return Arbitraries.of(writes)
        .flatMap(write -> AlmostValidBodies.from(write.validJson()).map(b -> new Choice(write, b)));
  }

  ApiResponse send(Upload upload) {
    return switch (upload.way()) {
      case NEW_PLAN -> upload.file().postTo(plans.api(), documents, plans.token());
      case NEW_PLAN_AS_FORM ->
          upload.file().postAsFormTo(plans.api(), documents, plans.token(), "file", "plan.docx");
      case NEWER_VERSION ->
          upload
              .file()
              .postTo(
                  plans.api(),
                  plans.base() + "/programmes/" + programme + "/documents",
                  plans.token());
    };
  }

  ApiResponse send(Choice choice) {
    String id =
        switch (choice.write().route()) {
          case "confirm" -> toConfirm;
          case "apply" -> toApply;
          default -> choicesId;
        };
    ApiResponse answer =
        choice
            .body()
            .sendTo(
                plans.api(),
                choice.write().method(),
                documents + "/" + id + "/" + choice.write().route(),
                plans.token());
    // a proposal confirmed or applied is used up: the next case gets a fresh one
    if (answer.status() < 300 && choice.write().route().equals("confirm")) {
      toConfirm = upload(documents, walsall).json().get("id").asText();
    }
    if (answer.status() < 300 && choice.write().route().equals("apply")) {
      toApply = newerVersion();
    }
    return answer;
  }

  private String newerVersion() {
    return upload(plans.base() + "/programmes/" + programme + "/documents", walsall)
        .json()
        .get("id")
        .asText();
  }

  private String confirmed(String id) {
    ApiResponse confirmed =
        plans.post(
            documents + "/" + id + "/confirm", "{\"settings\":{\"name\":\"Walsall's Word plan\"}}");
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
    return confirmed.json().get("programmeId").asText();
  }

  private ApiResponse upload(String path, byte[] document) {
    ApiResponse uploaded =
        new BadFile("valid", DOCX, document).postTo(plans.api(), path, plans.token());
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    return uploaded;
  }
}
