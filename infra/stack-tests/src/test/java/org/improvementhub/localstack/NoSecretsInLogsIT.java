package org.improvementhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.Test;

/**
 * Runs what handles secrets in every service of the local stack (sign-in through the API and the
 * portal, right and wrong passwords, a lock-out, a new user's password, tokens used on every
 * service, forged and expired tokens) and then reads every service's log output: no password, no
 * bearer token or JWT, no session id and no private key may appear in it.
 */
class NoSecretsInLogsIT {

  /** The start of a JWT's header and payload: base64url of <code>{"</code>. */
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]*");

  private final RunningStack stack = RunningStack.shared();

  @Test
  void signInsTokensAndPasswordsLeaveNoTraceInAnyServicesLog() throws Exception {
    HubApi tenancy = stack.api("tenancy");
    Map<String, String> secrets = new LinkedHashMap<>();
    String token = stack.adminToken();
    secrets.put("the admin's password", RunningStack.ADMIN_PASSWORD);
    secrets.put("the admin's token", token);

    String wrong = "Wrong-Canary-Password-" + System.nanoTime();
    secrets.put("a wrong password", wrong);
    String victim = "canary-" + System.nanoTime() + "@ops.test";
    for (int i = 0; i < 6; i++) {
      // the fifth locks the email: the lock-out is logged, the password must not be
      tenancy.post("/auth/login", null, login(victim, wrong));
    }
    String newPassword = "New-User-Canary-Password-" + System.nanoTime();
    secrets.put("a new user's password", newPassword);
    String newUser = "platform-" + System.nanoTime() + "@ops.test";
    ApiResponse created =
        tenancy.post(
            "/users",
            token,
            ("{\"email\":\"%s\",\"displayName\":\"Canary\",\"password\":\"%s\","
                    + "\"roles\":[\"PLATFORM_ADMIN\"]}")
                .formatted(newUser, newPassword));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String userToken =
        tenancy
            .post("/auth/login", null, login(newUser, newPassword))
            .json()
            .get("access_token")
            .asText();
    secrets.put("the new user's token", userToken);

    for (HubService service : HubService.all()) {
      HubApi api = stack.api(service.name());
      api.get("/councils/walsall/anything", userToken);
      api.get("/councils/walsall/anything", token + "x");
      api.get("/councils/walsall/anything", "not-a-jwt-" + wrong);
    }

    String session = signInThroughThePortal(RunningStack.ADMIN, RunningStack.ADMIN_PASSWORD);
    secrets.put("a portal session id", session);
    signInThroughThePortal(newUser, wrong);

    List<String> found = new ArrayList<>();
    for (ServiceProcess process : stack.services().values()) {
      Path log = process.log();
      String text = Files.readString(log);
      assertThat(text).as(log + " has the run's lines").isNotBlank();
      secrets.forEach(
          (what, secret) -> {
            if (text.contains(secret)) {
              found.add(process.service().name() + " logged " + what);
            }
          });
      Matcher jwt = JWT.matcher(text);
      if (jwt.find()) {
        found.add(process.service().name() + " logged a JWT: " + jwt.group().substring(0, 12));
      }
      if (text.contains("Bearer ey") || text.contains("PRIVATE KEY")) {
        found.add(process.service().name() + " logged a bearer token or a private key");
      }
    }
    System.out.printf(
        "Log scan: %d logs, %d secrets and every JWT looked for, %d found %s%n",
        stack.services().size(), secrets.size(), found.size(), found);
    assertThat(found).isEmpty();
  }

  private static String login(String email, String password) {
    return "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password);
  }

  /** Signs in with the portal's form; returns the session id it gave. */
  private String signInThroughThePortal(String email, String password) {
    String portal = stack.services().get(HubService.PORTAL.name()).baseUrl();
    return new PortalSignIn(portal)
        .submit(email, password)
        .sessionCookie()
        .replace(PortalSignIn.SESSION_COOKIE + "=", "");
  }
}
