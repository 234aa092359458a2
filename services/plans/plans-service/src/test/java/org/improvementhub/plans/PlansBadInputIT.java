package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.util.Map;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input and bad tokens get the right 4xx as problem+json, never a 500 or a stack trace. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansBadInputIT implements TestPropertyProvider {

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
  private final String council = bed.council("west-sussex", "West Sussex", 938);
  private final TestTokens tokens = TestTokens.shared();
  private final String token = tokens.councilUser(council, "PROGRAMME_MANAGER");
  private String actions;

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/actions");
    actions = "/councils/" + council + "/actions";
  }

  private static void assertProblem(ApiResponse response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.isProblem()).as(response.contentType()).isTrue();
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
    assertThat(response.json().get("type").asText()).startsWith("https://");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void malformedJsonIs400() {
    ApiResponse response = api.post(actions, token, "{\"ref\": \"1.1\", \"title\": ");
    assertProblem(response, 400);
  }

  @Test
  void anUnknownFieldIs400NamingIt() {
    ApiResponse response =
        api.post(
            actions,
            token,
            """
            {"ref":"1.2","title":"T","lead":{"name":"A","email":"a@b.org"},"dueDate":"2030-01-01","colour":"red"}
            """);
    assertProblem(response, 400);
    assertThat(response.json().path("errors").findValuesAsText("field"))
        .as(response.body())
        .contains("colour");
  }

  @Test
  void missingAndInvalidFieldsAreEachNamed() {
    ApiResponse response =
        api.post(
            actions,
            token,
            """
            {"ref":"bad ref!","title":"","lead":{"name":"A","email":"not-an-email"}}
            """);
    assertProblem(response, 400);
    assertThat(response.json().path("errors").findValuesAsText("field"))
        .as(response.body())
        .contains("ref", "title", "lead.email", "dueDate");
  }

  @Test
  void aDateThatIsNotADateIs400() {
    ApiResponse response =
        api.post(
            actions,
            token,
            """
            {"ref":"1.3","title":"T","lead":{"name":"A","email":"a@b.org"},"dueDate":"31/03/2030"}
            """);
    assertProblem(response, 400);
    assertThat(response.json().path("errors").findValuesAsText("field"))
        .as(response.body())
        .containsExactly("dueDate");
  }

  @Test
  void aValueOfTheWrongTypeIsNamed() {
    ApiResponse response =
        api.post(
            actions,
            token,
            """
            {"ref":"1.5","title":"T","lead":{"name":"A","email":"a@b.org"},"dueDate":"2030-01-01","ragStatus":"PURPLE"}
            """);
    assertProblem(response, 400);
    assertThat(response.json().path("errors").findValuesAsText("field"))
        .as(response.body())
        .containsExactly("ragStatus");
  }

  /** Found by PlansFuzzIT: PostgreSQL cannot store U+0000 in text, so this used to be a 500. */
  @Test
  void aNulCharacterInTextIs400NamingTheField() {
    ApiResponse response =
        api.post(
            actions,
            token,
            """
            {"ref":"1.6","title":"a\\u0000b","lead":{"name":"A","email":"a@b.org"},"dueDate":"2030-01-01"}
            """);
    assertProblem(response, 400);
    assertThat(response.json().path("errors").findValuesAsText("field"))
        .as(response.body())
        .containsExactly("title");
  }

  /**
   * Found by PlansFuzzIT: a year PostgreSQL cannot store (past 5874897) and half a character (a
   * lone surrogate, refused in the JSON of audit records and events) were both 500s.
   */
  @Test
  void aDateOrTextThatCannotBeStoredIs400NamingTheField() {
    ApiResponse farDate =
        api.post(
            actions,
            token,
            """
            {"ref":"1.9","title":"T","lead":{"name":"A","email":"a@b.org"},"dueDate":"+5874898-01-01"}
            """);
    assertProblem(farDate, 400);
    assertThat(farDate.json().path("errors").findValuesAsText("field"))
        .as(farDate.body())
        .containsExactly("dueDate");
    ApiResponse halfCharacter =
        api.post(
            actions,
            token,
            """
            {"ref":"1.10","title":"a\\udaacb","lead":{"name":"A","email":"a@b.org"},"dueDate":"2030-01-01"}
            """);
    assertProblem(halfCharacter, 400);
    assertThat(halfCharacter.json().path("errors").findValuesAsText("field"))
        .as(halfCharacter.body())
        .containsExactly("title");
  }

  /** Found by PlansFuzzIT's addresses: a level too long for an int was a 500. */
  @Test
  void aLevelNumberTooLongForAnIntMatchesNoItem() {
    String programme =
        api.post(
                "/councils/" + council + "/programmes",
                token,
                PlanRequests.programmeJson("Improvement Plan", "MONTHLY", "Priority", "Action"))
            .json()
            .get("id")
            .asText();
    ApiResponse items =
        api.get(
            "/councils/" + council + "/programmes/" + programme + "/items?level=2147483648", token);
    assertThat(items.status()).as(items.body()).isEqualTo(200);
    assertThat(items.json().isArray() ? items.json() : items.json().path("items")).isEmpty();
  }

  /**
   * Found by the bench size of PlansFuzzIT: serde reads a list of strings without the string
   * deserializer that refuses NUL, so {@code levelNames: ["\u0000"]} reached PostgreSQL (500).
   */
  @Test
  void aNulOrHalfACharacterInAListOfTextIs400NamingTheList() {
    for (String bad : new String[] {"\\u0000", "\\ud800"}) {
      String programme =
          PlanRequests.programmeJson("Improvement Plan", "MONTHLY", "Priority", "Action")
              .replace("\"Priority\"", "\"" + bad + "\"");
      ApiResponse refused = api.post("/councils/" + council + "/programmes", token, programme);
      assertProblem(refused, 400);
      assertThat(refused.json().path("errors").findValuesAsText("field"))
          .as(refused.body())
          .anyMatch(field -> field.startsWith("levelNames"));
    }
  }

  /**
   * Found by PlansFuzzIT and TenancyFuzzIT: a field inside an object or a list was named inside out
   * ({@code colour} for {@code lead.colour}, {@code [0].email} for {@code leads[0].email}).
   */
  @Test
  void aFieldInsideAnObjectOrAListIsNamedWhereItIs() {
    ApiResponse unknown =
        api.post(
            actions,
            token,
            """
            {"ref":"1.7","title":"T","lead":{"name":"A","email":"a@b.org","colour":"red"},"dueDate":"2030-01-01"}
            """);
    assertProblem(unknown, 400);
    assertThat(unknown.json().path("errors").findValuesAsText("field"))
        .as(unknown.body())
        .containsExactly("lead.colour");
    ApiResponse wrongType =
        api.post(
            actions,
            token,
            """
            {"ref":"1.8","title":"T","leads":[{"name":"A","email":"a@b.org"},{"name":"B","email":[1]}],"dueDate":"2030-01-01"}
            """);
    assertProblem(wrongType, 400);
    assertThat(wrongType.json().path("errors").findValuesAsText("field"))
        .as(wrongType.body())
        .containsExactly("leads[1].email");
  }

  /** Found by PlansFuzzIT: an empty file answered 400 without naming the file. */
  @Test
  void anEmptyPlanFileIs400NamingTheFile() {
    ApiResponse response =
        api.send(
            api.request("/councils/" + council + "/programmes/import", token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertProblem(response, 400);
    assertThat(response.json().path("errors").findValuesAsText("field"))
        .as(response.body())
        .containsExactly("file");
  }

  /** Found by PlansFuzzIT: {@code boundary=} made Netty's decoder fail, a 500. */
  @Test
  void aMultipartFormWithAnEmptyBoundaryIs400NamingTheContentType() {
    ApiResponse response =
        api.send(
            api.request("/councils/" + council + "/programmes/import", token)
                .header("Content-Type", "multipart/form-data; boundary=")
                .POST(HttpRequest.BodyPublishers.ofString("--\r\n\r\nx\r\n----\r\n")));
    assertProblem(response, 400);
    assertThat(response.json().path("errors").findValuesAsText("field"))
        .as(response.body())
        .containsExactly("Content-Type");
  }

  /** Found by PlansFuzzIT: a form whose part is not named "file" was a 400 naming no field. */
  @Test
  void aMultipartFormWithoutItsFilePartIs400NamingTheFile() {
    String body =
        "--b\r\nContent-Disposition: form-data; name=\"FILE\"; filename=\"plan.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nrecord,ref\r\n\r\n--b--\r\n";
    ApiResponse response =
        api.send(
            api.request("/councils/" + council + "/programmes/import", token)
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertProblem(response, 400);
    assertThat(response.json().path("errors").findValuesAsText("field"))
        .as(response.body())
        .containsExactly("file");
  }

  /**
   * An upload declaring more than plans' 5 MB was never answered (Micronaut's form decoder stopped
   * reading it; found by MeasuresFuzzIT against measures' 1 MB): refused at once now, also without
   * a token, and two envelopes Netty's decoder cannot bind are 400s naming the part.
   */
  @Test
  void anOversizedOrUnbindableFormIsAnsweredNamingTheField() {
    String head =
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n";
    String huge = head + "x".repeat(11 * 1024 * 1024) + "\r\n--b--\r\n";
    for (String caller : new String[] {token, "not-a-token"}) {
      ApiResponse refused = form(huge, caller);
      assertProblem(refused, 413);
      assertThat(refused.json().path("errors").findValuesAsText("field"))
          .containsExactly("Content-Length");
    }
    ApiResponse noDisposition =
        form("--b\r\nX-Nothing: here\r\n\r\nrecord,ref\r\n--b--\r\n", token);
    assertProblem(noDisposition, 400);
    assertThat(noDisposition.json().path("errors").findValuesAsText("field"))
        .containsExactly("Content-Disposition");
    ApiResponse noFileName =
        form(
            "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nrecord,ref\r\n--b--\r\n",
            token);
    assertProblem(noFileName, 400);
    assertThat(noFileName.json().path("errors").findValuesAsText("field")).containsExactly("file");
  }

  private ApiResponse form(String body, String caller) {
    return api.send(
        api.request("/councils/" + council + "/programmes/import", caller)
            .header("Content-Type", "multipart/form-data; boundary=b")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void aDuplicateRefIs409() {
    String body =
        """
        {"ref":"7.7.7","title":"T","lead":{"name":"A","email":"a@b.org"},"dueDate":"2030-01-01"}
        """;
    assertThat(api.post(actions, token, body).status()).isEqualTo(201);
    assertProblem(api.post(actions, token, body), 409);
  }

  @Test
  void aNonUuidIdIs400AndAnUnknownIdIs404() {
    assertProblem(api.get(actions + "/not-a-uuid", token), 400);
    assertProblem(api.get(actions + "/7b0c1a52-4f53-4b55-9d1e-3f1a6b1e1e1e", token), 404);
  }

  @Test
  void unknownRoutesAre404AndWrongMethods405() {
    assertProblem(api.get("/no/such/route", token), 404);
    assertProblem(
        api.send(
            api.request(actions, token)
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")),
        405);
  }

  @Test
  void anOversizeBodyIs413() {
    // past the 5 MB a whole plan file may take
    String huge = "{\"ref\":\"1.4\",\"title\":\"" + "x".repeat(6_000_000) + "\"}";
    ApiResponse response = api.post(actions, token, huge);
    assertThat(response.status()).isEqualTo(413);
  }

  @Test
  void aBadCouncilSlugInThePathIs404() {
    assertProblem(api.get("/councils/Not_A_Slug!/actions", tokens.platformAdmin()), 404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"missing", "expired", "stranger", "none", "audience", "garbage"})
  void badTokensAre401(String kind) {
    String bad =
        switch (kind) {
          case "missing" -> null;
          case "expired" -> tokens.expired(council, "PROGRAMME_MANAGER");
          case "stranger" -> tokens.signedByStranger(council, "PROGRAMME_MANAGER");
          case "none" -> tokens.unsigned(council, "PLATFORM_ADMIN");
          case "audience" -> tokens.forAudience("someone-else", council, "PROGRAMME_MANAGER");
          default -> "not.a.token";
        };
    assertProblem(api.get(actions, bad), 401);
  }
}
