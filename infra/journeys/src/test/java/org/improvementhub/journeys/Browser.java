package org.improvementhub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven through the system's chromedriver (Selenium Manager is never
 * asked to download anything), with axe for accessibility checks and screenshots for review.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
  private static final List<String> WCAG =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private final WebDriver driver;
  private final String baseUrl;
  private final Path screenshots;

  private Browser(WebDriver driver, String baseUrl, Path screenshots) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.screenshots = screenshots;
  }

  /**
   * Skips on a developer's machine without Chromium; in CI ({@code CI=true}) a missing browser is a
   * failure, because {@code .ci/run} installs it.
   */
  static void requireBrowser() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI must run the browser tests: install chromium and chromium-driver (.ci/run does)");
    }
    Assumptions.assumeTrue(present, "install chromium + chromium-driver to run browser journeys");
  }

  static Browser open(String baseUrl) {
    try {
      Path profile = Files.createTempDirectory("journeys-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .build();
      WebDriver driver = new ChromeDriver(service, options);
      driver.manage().window().setSize(new Dimension(1280, 1400));
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      Path screenshots =
          Path.of(System.getProperty("screenshots.dir", "target/screenshots")).toAbsolutePath();
      Files.createDirectories(screenshots);
      return new Browser(driver, baseUrl, screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  void go(String path) {
    driver.get(baseUrl + path);
  }

  String path() {
    return driver.getCurrentUrl().substring(baseUrl.length());
  }

  String heading() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Runs axe on the page as it stands and fails on any WCAG 2.2 A/AA violation. */
  void assertAccessible(String pageType) {
    Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
    List<Rule> violations = results.getViolations();
    String described =
        violations.stream()
            .map(
                v ->
                    v.getId()
                        + ": "
                        + v.getHelp()
                        + " at "
                        + v.getNodes().stream()
                            .map(n -> String.valueOf(n.getTarget()))
                            .collect(Collectors.joining(", ")))
            .collect(Collectors.joining("\n"));
    assertThat(violations).as("axe on the %s page:%n%s", pageType, described).isEmpty();
    assertThat(results.getPasses()).as("axe ran rules on the %s page", pageType).isNotEmpty();
  }

  /** Saves a full-window screenshot for review under {@code target/screenshots/}. */
  void screenshot(String name) {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(
          shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
