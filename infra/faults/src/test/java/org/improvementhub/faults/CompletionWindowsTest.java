package org.improvementhub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionWindowsTest {

  private static final String SCRAPE =
      """
      # HELP hub_notifications_emails_completion_window_seconds From an email's final '.'
      # TYPE hub_notifications_emails_completion_window_seconds histogram
      hub_notifications_emails_completion_window_seconds_bucket{service="notifications",le="1.0E-5"} 0
      hub_notifications_emails_completion_window_seconds_bucket{service="notifications",le="1.0E-4"} 90
      hub_notifications_emails_completion_window_seconds_bucket{service="notifications",le="0.001"} 99
      hub_notifications_emails_completion_window_seconds_bucket{service="notifications",le="0.01"} 100
      hub_notifications_emails_completion_window_seconds_bucket{service="notifications",le="+Inf"} 100
      hub_notifications_emails_completion_window_seconds_count{service="notifications"} 100
      hub_notifications_emails_completion_window_seconds_sum{service="notifications"} 0.02
      # TYPE hub_notifications_emails_completion_window_seconds_max gauge
      hub_notifications_emails_completion_window_seconds_max{service="notifications"} 0.005
      hub_notifications_emails_sent_total{council="walsall",service="notifications"} 100
      """;

  @Test
  void aProcessesFiguresAreReadFromItsScrape() {
    CompletionWindows.Scrape scrape = CompletionWindows.parse(SCRAPE);

    assertThat(scrape.emails()).isEqualTo(100);
    assertThat(scrape.meanMicros()).isEqualTo(200, org.assertj.core.data.Offset.offset(0.001));
    assertThat(scrape.maxSeconds()).isEqualTo(0.005);
    assertThat(scrape.atMost()).containsEntry(1.0E-4, 90L).doesNotContainKey(Double.NaN);
  }

  @Test
  void theRunsAddUpAndTheQuantilesAreBucketBounds() {
    CompletionWindows all = new CompletionWindows();
    all.add(CompletionWindows.parse(SCRAPE));
    all.add(CompletionWindows.parse(SCRAPE));
    all.add(CompletionWindows.Scrape.NONE);

    assertThat(all.emails()).isEqualTo(200);
    assertThat(all.quantileMicros(0.5)).isEqualTo(100, org.assertj.core.data.Offset.offset(0.001));
    assertThat(all.quantileMicros(0.99))
        .isEqualTo(1000, org.assertj.core.data.Offset.offset(0.001));
    assertThat(all.longerThan(1000)).isEqualTo(2);
    assertThat(all.longerThan(10_000)).isZero();
    assertThat(all.maxMicros()).isEqualTo(5000, org.assertj.core.data.Offset.offset(0.001));
  }

  @Test
  void aScrapeWithoutTheMeasureIsNothing() {
    assertThat(CompletionWindows.parse("hub_notifications_emails_sent_total 3\n").emails())
        .isZero();
  }
}
