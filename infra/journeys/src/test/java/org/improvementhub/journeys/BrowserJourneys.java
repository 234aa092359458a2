package org.improvementhub.journeys;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A class of journeys in one headless Chromium against the stack every journey class of the JVM
 * shares: the browser opens before the class's own set-up and closes after its last journey (the
 * stack stops when the JVM exits), and each journey starts signed out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourneys {

  JourneyStack stack;
  Browser browser;
  JourneySteps steps;

  @BeforeAll
  void openTheBrowser() {
    Browser.requireBrowser();
    stack = JourneyStack.shared();
    browser = Browser.open(stack.portalUrl());
    steps = new JourneySteps(browser, stack.portalUrl());
  }

  @AfterAll
  void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void signOut() {
    steps.signOut();
  }
}
