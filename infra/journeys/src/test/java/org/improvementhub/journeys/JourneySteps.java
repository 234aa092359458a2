package org.improvementhub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does in the browser, step by step: sign in, follow a link and wait for the next
 * page, press keys, and what a test reads beside the page (a download, a status code) with the
 * person's own session cookie.
 */
final class JourneySteps {

  private final Browser browser;
  private final String portalUrl;

  JourneySteps(Browser browser, String portalUrl) {
    this.browser = browser;
    this.portalUrl = portalUrl;
  }

  void signIn(String email) {
    browser.go("/sign-in");
    browser.find("#email").sendKeys(email);
    browser.find("#password").sendKeys(JourneyStack.PASSWORD);
    navigate(() -> browser.find("#sign-in").click());
    assertThat(browser.path())
        .as("signing in as %s left: %s", email, browser.find("main").getText())
        .isNotEqualTo("/sign-in");
  }

  void signOut() {
    browser.driver().manage().deleteAllCookies();
  }

  /**
   * Does what loads a new page and waits until it has: the old document is marked, and the wait
   * ends when a document without the mark has finished loading.
   */
  void navigate(Runnable step) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript("window.__journeyOldPage = true;");
    step.run();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .until(
            d ->
                js.executeScript(
                        "return window.__journeyOldPage === undefined"
                            + " && document.readyState === 'complete';")
                    .equals(Boolean.TRUE));
  }

  /** Clicks and waits for the page it loads. */
  void click(String css) {
    navigate(() -> browser.find(css).click());
  }

  WebElement active() {
    return browser.driver().switchTo().activeElement();
  }

  void keys(CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }

  void keysThenAwaitNavigation(CharSequence... keys) {
    navigate(() -> keys(keys));
  }

  /** Presses Tab until focus reaches the element wanted, as a keyboard user would. */
  void tabTo(Predicate<WebElement> wanted) {
    for (int presses = 0; presses < 120; presses++) {
      keys(Keys.TAB);
      if (wanted.test(active())) {
        return;
      }
    }
    throw new AssertionError("Tab never reached the element; focus is on " + active().getText());
  }

  /** The form token of the page shown, as a forged post from this session would carry it. */
  String pageToken() {
    return browser.find("input[name='csrf']").getAttribute("value");
  }

  /**
   * Posts a form no page offered, with {@code token} and {@code fields}, as a forged or replayed
   * write would, and waits for the page it gets.
   */
  void postForm(String action, String token, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("csrf", token);
    navigate(
        () ->
            ((JavascriptExecutor) browser.driver())
                .executeScript(
                    "const f = document.createElement('form'); f.method = 'post';"
                        + " f.action = arguments[0];"
                        + " for (const [k, v] of Object.entries(arguments[1])) {"
                        + " const i = document.createElement('input'); i.type = 'hidden';"
                        + " i.name = k; i.value = v; f.appendChild(i); }"
                        + " document.body.appendChild(f); f.submit();",
                    action,
                    all));
  }

  /** Chooses {@code content} as the file {@code name} and presses {@code button} to send it. */
  void upload(String name, byte[] content, String button) {
    try {
      Path file = Files.createTempDirectory("journeys-upload").resolve(name);
      Files.write(file, content);
      browser.find("#file").sendKeys(file.toAbsolutePath().toString());
      click(button);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status {@code GET path} gets with the browser's session. */
  int status(String path) {
    return fetch(path).statusCode();
  }

  /** {@code GET path} with the browser's session, as a download link would fetch it. */
  HttpResponse<byte[]> fetch(String path) {
    String cookie = browser.driver().manage().getCookieNamed("hub_session").getValue();
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(portalUrl + path))
                  .header("Cookie", "hub_session=" + cookie)
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads until {@code done} holds or {@code wait} has passed. */
  static <T> T poll(Supplier<T> read, Predicate<T> done, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Still " + last + " after " + wait);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = read.get();
    }
    return last;
  }
}
