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
import java.util.Base64;
import java.util.Map;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A council's admin changes a user's roles and disables or re-enables them; another council's admin
 * gets 404, people who are not admins 403, and an admin cannot lock themselves out.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilUserChangeIT implements TestPropertyProvider {

  private static final String PASSWORD = "a-long-enough-password";

  private final HubTestProperties properties = TenancyTestSupport.properties();
  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");

  @Inject EmbeddedServer server;
  private HubApi api;
  private String walsallAdmin;
  private String peterboroughAdmin;
  private String walsallAdminId;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void twoCouncilsWithAdmins() {
    api = new HubApi(server.getURL().toString());
    String platformAdmin =
        token(api, TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
    created(api.post("/councils", platformAdmin, newCouncil(walsall, "Walsall", 335)));
    created(api.post("/councils", platformAdmin, newCouncil(peterborough, "Peterborough", 874)));
    for (String council : new String[] {walsall, peterborough}) {
      created(
          api.post(
              "/councils/" + council + "/users",
              platformAdmin,
              newUser("admin@" + council + ".example", PASSWORD, "COUNCIL_ADMIN")));
    }
    created(
        api.post(
            "/users",
            platformAdmin,
            newObserver("observer-" + walsall + "@dfe.test", PASSWORD, walsall)));
    walsallAdmin = token(api, "admin@" + walsall + ".example", PASSWORD);
    peterboroughAdmin = token(api, "admin@" + peterborough + ".example", PASSWORD);
    walsallAdminId =
        api.get("/councils/" + walsall + "/users", walsallAdmin).json().get(0).get("id").asText();
  }

  @Test
  void theAdminChangesAUsersRolesAndTheirNextTokenCarriesThem() {
    String id = newWalsallUser("roles", "PROGRAMME_MANAGER");

    ApiResponse changed =
        api.put(
            "/councils/" + walsall + "/users/" + id,
            walsallAdmin,
            "{\"roles\":[\"ACTION_LEAD\",\"BOARD_MEMBER\"]}");

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("roles").toString())
        .isEqualTo("[\"ACTION_LEAD\",\"BOARD_MEMBER\"]");
    assertThat(changed.json().get("disabled").asBoolean()).isFalse();
    String claims =
        new String(
            Base64.getUrlDecoder()
                .decode(token(api, "roles@" + walsall + ".example", PASSWORD).split("\\.")[1]));
    assertThat(claims).contains("ACTION_LEAD").doesNotContain("PROGRAMME_MANAGER");
  }

  @Test
  void aDisabledUserCannotSignInUntilEnabledAgain() {
    String id = newWalsallUser("leaver", "ACTION_LEAD");
    String path = "/councils/" + walsall + "/users/" + id;

    assertThat(api.put(path, walsallAdmin, "{\"disabled\":true}").status()).isEqualTo(200);
    assertThat(TenancyTestSupport.login(api, "leaver@" + walsall + ".example", PASSWORD).status())
        .isEqualTo(401);
    assertThat(api.get(path, walsallAdmin).json().get("disabled").asBoolean()).isTrue();

    assertThat(api.put(path, walsallAdmin, "{\"disabled\":false}").status()).isEqualTo(200);
    assertThat(TenancyTestSupport.login(api, "leaver@" + walsall + ".example", PASSWORD).status())
        .isEqualTo(200);
  }

  @Test
  void otherCouncilsAdminsGetNotFoundAndReadersAreRefused() {
    String id = newWalsallUser("hidden", "PROGRAMME_MANAGER");
    String path = "/councils/" + walsall + "/users/" + id;

    assertThat(api.put(path, peterboroughAdmin, "{\"disabled\":true}").status()).isEqualTo(404);
    assertThat(api.get(path, peterboroughAdmin).status()).isEqualTo(404);
    // Walsall's user under Peterborough's address is not Peterborough's to change
    assertThat(
            api.put(
                    "/councils/" + peterborough + "/users/" + id,
                    peterboroughAdmin,
                    "{\"disabled\":true}")
                .status())
        .isEqualTo(404);
    String manager = token(api, "hidden@" + walsall + ".example", PASSWORD);
    assertThat(api.put(path, manager, "{\"disabled\":true}").status()).isEqualTo(403);
    String observer = token(api, "observer-" + walsall + "@dfe.test", PASSWORD);
    assertThat(api.put(path, observer, "{\"disabled\":true}").status()).isIn(403, 404);
    assertThat(api.get(path, walsallAdmin).json().get("disabled").asBoolean()).isFalse();
  }

  @Test
  void badRolesAndLockingOneselfOutAreRefusedNamingTheField() {
    String id = newWalsallUser("badroles", "ACTION_LEAD");

    ApiResponse platformRole =
        api.put(
            "/councils/" + walsall + "/users/" + id,
            walsallAdmin,
            "{\"roles\":[\"PLATFORM_ADMIN\"]}");
    assertThat(platformRole.status()).isEqualTo(400);
    assertThat(platformRole.body()).contains("roles[0]");

    String self = "/councils/" + walsall + "/users/" + walsallAdminId;
    ApiResponse demoted = api.put(self, walsallAdmin, "{\"roles\":[\"ACTION_LEAD\"]}");
    assertThat(demoted.status()).isEqualTo(400);
    assertThat(demoted.body()).contains("\"roles\"");
    ApiResponse disabled = api.put(self, walsallAdmin, "{\"disabled\":true}");
    assertThat(disabled.status()).isEqualTo(400);
    assertThat(disabled.body()).contains("\"disabled\"");
  }

  private String newWalsallUser(String name, String role) {
    ApiResponse user =
        api.post(
            "/councils/" + walsall + "/users",
            walsallAdmin,
            newUser(name + "@" + walsall + ".example", PASSWORD, role));
    created(user);
    return user.json().get("id").asText();
  }

  private static void created(ApiResponse response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }
}
