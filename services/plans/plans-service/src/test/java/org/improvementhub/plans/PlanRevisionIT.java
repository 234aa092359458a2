package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.improvementhub.plans.tree.PlanTree;
import org.improvementhub.plans.tree.PlanTreeView;
import org.improvementhub.tenancy.context.CouncilContext;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.tokens.CredentialsCheckedTokens;
import org.improvementhub.tenancy.context.tokens.VerifiedTokens;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plan's large reads are kept per plan revision: every kind of write moves the revision on, so
 * the tree, the action list and one action never answer from before a change; {@code ETag} and
 * {@code If-None-Match} give {@code 304} while nothing changed; the other council still gets 404.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanRevisionIT implements TestPropertyProvider {

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = bed.council("walsall", "Walsall", 335);
  private final String other = bed.council("west-sussex", "West Sussex", 938);
  private final String token = bed.token(council, "PROGRAMME_MANAGER");
  private final String otherToken = bed.token(other, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject PlanTree planTree;
  @Inject List<TokenValidator<?>> validators;
  private HubApi api;
  private PlanRequests plans;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/programmes");
    plans = new PlanRequests(api, council, token);
  }

  @Test
  void everyKindOfWriteMovesTheTreeOnAndAnUnchangedTreeIsNotSentAgain() {
    String programme = plans.programmeId("Pillar", "Outcome", "Action");
    String pillar = plans.itemId(programme, null, null, "Leadership");
    String outcome = plans.itemId(programme, pillar, null, "Leaders are visible");
    String tree = plans.base() + "/programmes/" + programme + "/tree";

    ApiResponse first = plans.get(tree);
    String etag = first.header("ETag").orElseThrow();
    assertThat(conditional(tree, etag).status()).isEqualTo(304);
    assertThat(conditional(tree, etag).header("ETag")).contains(etag);
    assertThat(plans.get(tree).body()).isEqualTo(first.body());

    String action = plans.actionId(programme, outcome, "1.1.1", LocalDate.of(2012, 3, 31), "GREEN");
    String actions = plans.base() + "/actions/" + action;
    Map<String, Supplier<ApiResponse>> writes = new LinkedHashMap<>();
    writes.put(
        "item changed", () -> plans.patch(itemPath(programme, pillar), "{\"title\":\"Lead\"}"));
    writes.put(
        "item added", () -> plans.item(programme, pillar, null, "Partners are held to account"));
    writes.put(
        "item moved",
        () ->
            plans.put(
                itemPath(programme, outcome) + "/placement",
                "{\"parentId\":\"" + pillar + "\",\"position\":1}"));
    writes.put("action changed", () -> plans.patch(actions, "{\"title\":\"Visible leaders\"}"));
    writes.put(
        "progress reported",
        () ->
            plans.post(
                actions + "/progress-reports", "{\"period\":\"2011-11\",\"ragStatus\":\"RED\"}"));
    writes.put(
        "due date revised",
        () ->
            plans.post(
                actions + "/due-date-revisions",
                "{\"dueDate\":\"2012-06-30\",\"reason\":\"Board agreed\"}"));
    writes.put(
        "action moved",
        () ->
            plans.put(actions + "/placement", "{\"parentId\":\"" + outcome + "\",\"position\":0}"));
    writes.put(
        "action withdrawn", () -> plans.post(actions + "/withdrawal", "{\"reason\":\"Merged\"}"));
    String before = plans.get(tree).header("ETag").orElseThrow();
    for (Map.Entry<String, Supplier<ApiResponse>> write : writes.entrySet()) {
      ApiResponse written = write.getValue().get();
      assertThat(written.status()).as(write.getKey() + ": " + written.body()).isLessThan(300);
      ApiResponse after = conditional(tree, before);
      assertThat(after.status()).as(write.getKey()).isEqualTo(200);
      before = after.header("ETag").orElseThrow();
    }
    String shown = plans.get(tree).body();
    assertThat(shown)
        .contains("\"title\":\"Lead\"", "Partners are held to account", "Visible leaders")
        .contains("\"ragStatus\":\"RED\"", "\"dueDate\":\"2012-06-30\"", "\"withdrawnOn\"");

    String empty = plans.itemId(programme, pillar, null, "To be removed");
    String withEmpty = plans.get(tree).header("ETag").orElseThrow();
    assertThat(api.delete(itemPath(programme, empty), token).status()).isEqualTo(204);
    assertThat(conditional(tree, withEmpty).status()).isEqualTo(200);
    assertThat(plans.get(tree).body()).doesNotContain("To be removed");
  }

  @Test
  void theListAndOneActionAreNeverAnsweredFromBeforeAChange() {
    String programme = plans.programmeId("Priority", "Action");
    String priority = plans.itemId(programme, null, null, "Early help");
    String first = plans.actionId(programme, priority, "1.1", LocalDate.of(2012, 1, 31), "GREEN");
    String list = plans.base() + "/actions?programmeId=" + programme + "&size=10";
    String one = plans.base() + "/actions/" + first;

    ApiResponse listed = plans.get(list);
    assertThat(listed.header("X-Total-Count")).contains("1");
    String listTag = listed.header("ETag").orElseThrow();
    assertThat(conditional(list, listTag).status()).isEqualTo(304);
    assertThat(plans.get(list).header("X-Total-Count")).contains("1");
    assertThat(plans.get(one).json().get("ragStatus").asText()).isEqualTo("GREEN");

    plans.actionId(programme, priority, "1.2", LocalDate.of(2012, 2, 28), "AMBER");
    ApiResponse again = conditional(list, listTag);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("X-Total-Count")).contains("2");
    assertThat(again.json()).hasSize(2);

    plans.post(one + "/progress-reports", "{\"period\":\"2011-12\",\"ragStatus\":\"AMBER\"}");
    assertThat(plans.get(one).json().get("ragStatus").asText()).isEqualTo("AMBER");

    String leads =
        "{\"leads\":[{\"name\":\"Nia New\",\"email\":\"nia@example.org\",\"role\":\"Lead\"}]}";
    assertThat(plans.patch(one, leads).status()).isEqualTo(200);
    assertThat(plans.get(list).body()).contains("nia@example.org");
  }

  @Test
  void aKeptAnswerIsTheSameJsonTheServerWritesForTheViewByteForByte() throws Exception {
    String programme = plans.programmeId("Pillar", "Action");
    String pillar = plans.itemId(programme, null, null, "Help at the front door");
    String action = plans.actionId(programme, pillar, "1.1", LocalDate.of(2012, 1, 31), "GREEN");
    String tree = plans.base() + "/programmes/" + programme + "/tree";
    String list = plans.base() + "/actions?programmeId=" + programme;
    String one = plans.base() + "/actions/" + action;

    for (String path : List.of(tree, list, one)) {
      ApiResponse read = plans.get(path);
      ApiResponse kept = plans.get(path);
      assertThat(kept.body()).as(path).isEqualTo(read.body());
      assertThat(kept.header("Content-Type")).as(path).contains("application/json");
      assertThat(kept.header("ETag")).as(path).isEqualTo(read.header("ETag"));
    }
    assertThat(plans.get(list).header("X-Total-Count")).contains("1");
    // what the server's own writer makes of the view, read afresh
    PlanTreeView fresh =
        CouncilContext.call(
            CouncilSlug.of(council),
            () -> planTree.tree(CouncilSlug.of(council), UUID.fromString(programme)));
    assertThat(plans.get(tree).body()).isEqualTo(json.writeValueAsString(fresh));
  }

  /** The read path's other half: a token's signature is verified once, not on every read. */
  @Test
  void theServiceRemembersTheTokensItVerifiedButNotAForgedOne() {
    // remembered tokens inside, the credentials check outside: asked on every use
    assertThat(validators)
        .anyMatch(
            validator ->
                validator instanceof CredentialsCheckedTokens<?, ?> checked
                    && checked.verifier() instanceof VerifiedTokens);
    String path = plans.base() + "/actions?size=1";
    assertThat(api.get(path, token).status()).isEqualTo(200);
    assertThat(api.get(path, token).status()).isEqualTo(200);

    int signature = token.lastIndexOf('.') + 5;
    char changed = token.charAt(signature) == 'A' ? 'B' : 'A';
    String forged = token.substring(0, signature) + changed + token.substring(signature + 1);
    assertThat(api.get(path, forged).status()).isEqualTo(401);
  }

  @Test
  void anotherCouncilStillCannotSeeWhatIsKeptAndItsTagsDoNotOpenIt() {
    String programme = plans.programmeId("Action");
    String action = plans.actionId(programme, null, "A1", LocalDate.of(2012, 1, 31), "GREEN");
    String tree = plans.base() + "/programmes/" + programme + "/tree";
    String one = plans.base() + "/actions/" + action;
    String treeTag = plans.get(tree).header("ETag").orElseThrow();
    plans.get(one);

    assertThat(api.get(tree, otherToken).status()).isEqualTo(404);
    assertThat(api.get(one, otherToken).status()).isEqualTo(404);
    assertThat(
            api.send(api.request(tree, otherToken).header("If-None-Match", treeTag).GET()).status())
        .isEqualTo(404);
    String theirs = "/councils/" + other + "/actions/" + action;
    assertThat(api.get(theirs, otherToken).status()).isEqualTo(404);
  }

  private ApiResponse conditional(String path, String etag) {
    return api.send(api.request(path, token).header("If-None-Match", etag).GET());
  }

  private String itemPath(String programme, String item) {
    return plans.base() + "/programmes/" + programme + "/items/" + item;
  }
}
