package org.improvementhub.oversight;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.improvementhub.testsupport.architecture.HubArchitecture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OversightArchitectureTest {

  private static final JavaClasses CLASSES = HubArchitecture.classesOf("oversight");

  static Stream<ArchRule> rules() {
    return HubArchitecture.rulesFor("oversight").stream();
  }

  @ParameterizedTest
  @MethodSource("rules")
  void followsTheHubConventions(ArchRule rule) {
    rule.check(CLASSES);
  }
}
