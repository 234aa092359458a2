package org.improvementhub.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {

  @Test
  void readsItsStepsInOrderAndAddsUpTheirTime() {
    WarmUp warmUp = WarmUp.parse("30@50, 60@150,60@225.5");

    assertEquals(
        List.of(new WarmUp.Step(30, 50), new WarmUp.Step(60, 150), new WarmUp.Step(60, 225.5)),
        warmUp.steps());
    assertEquals(Duration.ofSeconds(150), warmUp.duration());
    assertEquals(3, warmUp.injection().size());
  }

  @Test
  void noPropertyMeansNoWarmUp() {
    WarmUp warmUp = WarmUp.parse("");

    assertTrue(warmUp.isEmpty());
    assertEquals(Duration.ZERO, warmUp.duration());
  }

  @Test
  void refusesAStepThatIsNotSecondsAtARate() {
    assertThrows(IllegalArgumentException.class, () -> WarmUp.parse("30"));
    assertThrows(IllegalArgumentException.class, () -> WarmUp.parse("0@50"));
    assertThrows(IllegalArgumentException.class, () -> WarmUp.parse("30@-1"));
    assertThrows(NumberFormatException.class, () -> WarmUp.parse("half@50"));
  }
}
