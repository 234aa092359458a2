package org.improvementhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.improvementhub.tenancy.TenancyTestSupport.newCouncil;
import static org.improvementhub.tenancy.TenancyTestSupport.newObserver;
import static org.improvementhub.tenancy.TenancyTestSupport.newUser;
import static org.improvementhub.tenancy.TenancyTestSupport.token;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two councils with identical users, every token signed in through {@code /auth/login}: each
 * council's people see only their own council and its users, the other council answers 404, and an
 * observer reads the councils in scope but changes nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyIsolationIT implements TestPropertyProvider {

  private static final String PASSWORD = "a-long-enough-password";

  private final HubTestProperties properties = TenancyTestSupport.properties();
  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");

  @Inject EmbeddedServer server;
  private HubApi api;
  private String platformAdmin;
  private String walsallAdmin;
  private String walsallManager;
  private String peterboroughManager;
  private String walsallObserver;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void twoCouncilsWithIdenticalUsers() {
    api = new HubApi(server.getURL().toString());
    platformAdmin = token(api, TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
    created(api.post("/councils", platformAdmin, newCouncil(walsall, "Walsall", 335)));
    created(api.post("/councils", platformAdmin, newCouncil(peterborough, "Peterborough", 874)));
    for (String council : new String[] {walsall, peterborough}) {
      created(
          api.post(
              "/councils/" + council + "/users",
              platformAdmin,
              newUser("admin@" + council + ".example", PASSWORD, "COUNCIL_ADMIN")));
      created(
          api.post(
              "/councils/" + council + "/users",
              platformAdmin,
              newUser("manager@" + council + ".example", PASSWORD, "PROGRAMME_MANAGER")));
    }
    created(
        api.post(
            "/users", platformAdmin, newObserver("observer@education.gov.uk", PASSWORD, walsall)));
    walsallAdmin = token(api, "admin@" + walsall + ".example", PASSWORD);
    walsallManager = token(api, "manager@" + walsall + ".example", PASSWORD);
    peterboroughManager = token(api, "manager@" + peterborough + ".example", PASSWORD);
    walsallObserver = token(api, "observer@education.gov.uk", PASSWORD);
  }

  private static void created(ApiResponse response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }

  @Test
  void aCouncilAdminIsToldNothingAboutAnotherCouncil() {
    for (ApiResponse hidden :
        new ApiResponse[] {
          api.get("/councils/" + peterborough, walsallAdmin),
          api.get("/councils/" + peterborough + "/users", walsallAdmin),
          api.post(
              "/councils/" + peterborough + "/users",
              walsallAdmin,
              newUser("intruder@" + walsall + ".example", PASSWORD, "COUNCIL_ADMIN"))
        }) {
      assertThat(hidden.status()).isEqualTo(404);
      assertThat(hidden.isProblem()).isTrue();
      assertThat(hidden.body()).doesNotContain("Peterborough").doesNotContain("manager@");
    }
    ApiResponse peterboroughUsers = api.get("/councils/" + peterborough + "/users", platformAdmin);
    assertThat(peterboroughUsers.json().findValuesAsText("email"))
        .containsExactly(
            "admin@" + peterborough + ".example", "manager@" + peterborough + ".example");
    assertThat(TenancyTestSupport.login(api, "intruder@" + walsall + ".example", PASSWORD).status())
        .isEqualTo(401);
  }

  @Test
  void aCouncilAdminSeesAndManagesOnlyItsOwnUsers() {
    ApiResponse users = api.get("/councils/" + walsall + "/users", walsallAdmin);
    assertThat(users.status()).isEqualTo(200);
    assertThat(users.json().findValuesAsText("email"))
        .containsExactly("admin@" + walsall + ".example", "manager@" + walsall + ".example");
    assertThat(users.json().findValuesAsText("council")).containsOnly(walsall);
    assertThat(users.body()).doesNotContain("password").doesNotContain("$2a$");

    ApiResponse added =
        api.post(
            "/councils/" + walsall + "/users",
            walsallAdmin,
            newUser("lead@" + walsall + ".example", PASSWORD, "ACTION_LEAD", "BOARD_MEMBER"));
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.location()).contains("/councils/" + walsall + "/users/");
    assertThat(added.json().get("council").asText()).isEqualTo(walsall);
    assertThat(added.body()).doesNotContain("password").doesNotContain(PASSWORD);
  }

  @Test
  void aCouncilAdminCannotHandOutPlatformRoles() {
    for (String role : new String[] {"PLATFORM_ADMIN", "DFE_OBSERVER", "SUPERUSER"}) {
      ApiResponse response =
          api.post(
              "/councils/" + walsall + "/users",
              walsallAdmin,
              newUser(role.toLowerCase() + "@" + walsall + ".example", PASSWORD, role));
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.isProblem()).isTrue();
      assertThat(response.json().get("errors").findValuesAsText("field"))
          .containsExactly("roles[0]");
    }
    ApiResponse platformUser =
        api.post("/users", walsallAdmin, newObserver("sneaky@example.org", PASSWORD, "*"));
    assertThat(platformUser.status()).isEqualTo(403);
    assertThat(api.post("/councils", walsallAdmin, newCouncil("sneaky", "Sneaky", 777)).status())
        .isEqualTo(403);
  }

  @Test
  void onlyACouncilsAdminManagesItsUsers() {
    ApiResponse byManager =
        api.post(
            "/councils/" + walsall + "/users",
            walsallManager,
            newUser("another@" + walsall + ".example", PASSWORD, "COUNCIL_ADMIN"));
    assertThat(byManager.status()).isEqualTo(403);
    assertThat(byManager.isProblem()).isTrue();
    assertThat(api.get("/councils/" + walsall + "/users", walsallManager).status()).isEqualTo(403);
  }

  @Test
  void councilUsersListOnlyTheirOwnCouncil() {
    assertThat(api.get("/councils", walsallManager).json().findValuesAsText("slug"))
        .containsExactly(walsall);
    assertThat(api.get("/councils", peterboroughManager).json().findValuesAsText("slug"))
        .containsExactly(peterborough);
    assertThat(api.get("/councils/" + walsall, walsallManager).status()).isEqualTo(200);
    assertThat(api.get("/councils/" + walsall, peterboroughManager).status()).isEqualTo(404);
    assertThat(api.get("/councils", platformAdmin).json().findValuesAsText("slug"))
        .contains(walsall, peterborough);
  }

  @Test
  void platformUsersAreListedApartFromCouncilUsers() {
    ApiResponse platformUsers = api.get("/users", platformAdmin);
    assertThat(platformUsers.json().findValuesAsText("email"))
        .contains(TenancyTestSupport.ADMIN_EMAIL, "observer@education.gov.uk")
        .noneMatch(email -> email.contains(walsall) || email.contains(peterborough));
    assertThat(api.get("/users", walsallAdmin).status()).isEqualTo(403);
  }

  @Test
  void anObserverReadsTheCouncilsInScopeAndChangesNothing() {
    assertThat(api.get("/councils", walsallObserver).json().findValuesAsText("slug"))
        .containsExactly(walsall);
    ApiResponse inScope = api.get("/councils/" + walsall, walsallObserver);
    assertThat(inScope.status()).isEqualTo(200);
    assertThat(inScope.json().get("name").asText()).isEqualTo("Walsall");
    assertThat(api.get("/councils/" + peterborough, walsallObserver).status()).isEqualTo(404);

    ApiResponse write =
        api.post(
            "/councils/" + walsall + "/users",
            walsallObserver,
            newUser("observed@" + walsall + ".example", PASSWORD, "COUNCIL_ADMIN"));
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.isProblem()).isTrue();
    assertThat(api.post("/councils", walsallObserver, newCouncil("mine", "Mine", 778)).status())
        .isEqualTo(403);
    // an observer may write nowhere, so a council out of scope answers as one that does not exist
    ApiResponse outOfScope =
        api.post(
            "/councils/" + peterborough + "/users",
            walsallObserver,
            newUser("observed@" + peterborough + ".example", PASSWORD, "COUNCIL_ADMIN"));
    ApiResponse nowhere =
        api.post(
            "/councils/nowhere-at-all/users",
            walsallObserver,
            newUser("observed@nowhere.example", PASSWORD, "COUNCIL_ADMIN"));
    assertThat(outOfScope.status()).isEqualTo(403).isEqualTo(nowhere.status());
    assertThat(outOfScope.body()).doesNotContain("Peterborough");
  }

  @Test
  void observersAreScopedToRegisteredCouncils() {
    ApiResponse unknown =
        api.post(
            "/users",
            platformAdmin,
            newObserver("lost@education.gov.uk", PASSWORD, walsall, "atlantis"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").findValuesAsText("field"))
        .containsExactly("observerScope[1]");

    ApiResponse noScope =
        api.post(
            "/users",
            platformAdmin,
            "{\"email\":\"unscoped@education.gov.uk\",\"displayName\":\"DfE\",\"password\":\"%s\",\"roles\":[\"DFE_OBSERVER\"]}"
                .formatted(PASSWORD));
    assertThat(noScope.status()).isEqualTo(400);
    assertThat(noScope.json().get("errors").findValuesAsText("field"))
        .containsExactly("observerScope");
  }
}
