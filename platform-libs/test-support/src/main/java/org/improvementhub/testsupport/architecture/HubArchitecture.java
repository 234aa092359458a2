package org.improvementhub.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The conventions every service keeps, as rules a test can check: names in the users' language, no
 * reaching into another service's code, no layer packages.
 */
public final class HubArchitecture {

  /** The platform library that shares the tenancy service's package root. */
  private static final String PLATFORM_TENANCY_CONTEXT = "org.improvementhub.tenancy.context";

  private static final List<String> SERVICES =
      List.of("tenancy", "plans", "measures", "notifications", "oversight", "portal");

  private HubArchitecture() {}

  /** The service's own production classes under {@code org.improvementhub.<service>}. */
  public static JavaClasses classesOf(String service) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.improvementhub." + service);
  }

  public static List<ArchRule> rulesFor(String service) {
    String own = "org.improvementhub." + service + "..";
    return List.of(
        noClasses()
            .should()
            .haveSimpleNameEndingWith("Manager")
            .orShould()
            .haveSimpleNameEndingWith("Helper")
            .orShould()
            .haveSimpleNameEndingWith("Util")
            .orShould()
            .haveSimpleNameEndingWith("Utils")
            .orShould()
            .haveSimpleNameEndingWith("Data")
            .because("names speak the users' language"),
        noClasses()
            .should()
            .resideInAnyPackage(
                "..controller..",
                "..controllers..",
                "..repository..",
                "..repositories..",
                "..service..",
                "..services..",
                "..dto..",
                "..model..")
            .because("packages are features, not layers"),
        noClasses()
            .that()
            .resideInAPackage(own)
            .should()
            .dependOnClassesThat(implementationOfAnotherService(service))
            .because("a service uses other services' -events records only, never their code"));
  }

  private static boolean isShared(String pkg, String sharedRoot) {
    return pkg.equals(sharedRoot) || pkg.startsWith(sharedRoot + ".");
  }

  private static DescribedPredicate<JavaClass> implementationOfAnotherService(String service) {
    return new DescribedPredicate<>("implementation classes of another service") {
      @Override
      public boolean test(JavaClass target) {
        String pkg = target.getPackageName();
        for (String other : SERVICES) {
          String root = "org.improvementhub." + other;
          if (!other.equals(service)
              && (pkg.equals(root) || pkg.startsWith(root + "."))
              && !isShared(pkg, root + ".events")
              && !isShared(pkg, PLATFORM_TENANCY_CONTEXT)) {
            return true;
          }
        }
        return false;
      }
    };
  }
}
