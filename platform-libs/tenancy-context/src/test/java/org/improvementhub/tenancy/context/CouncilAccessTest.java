package org.improvementhub.tenancy.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Map;
import org.improvementhub.tenancy.context.CouncilAccess.Decision;
import org.junit.jupiter.api.Test;

class CouncilAccessTest {

  private static final CouncilSlug WALSALL = CouncilSlug.of("walsall");

  private static Authentication councilUser(String council, String... roles) {
    return Authentication.build("u", List.of(roles), Map.of(HubClaims.COUNCIL, council));
  }

  private static Authentication observer(Object scope) {
    return Authentication.build(
        "o", List.of("DFE_OBSERVER"), Map.of(HubClaims.OBSERVER_SCOPE, scope));
  }

  @Test
  void aCouncilsOwnStaffReadAndWrite() {
    assertThat(CouncilAccess.decide(councilUser("walsall", "PROGRAMME_MANAGER"), WALSALL, true))
        .isEqualTo(Decision.ALLOWED);
    assertThat(CouncilAccess.decide(councilUser("walsall", "ACTION_LEAD"), WALSALL, false))
        .isEqualTo(Decision.ALLOWED);
  }

  @Test
  void boardMembersOnlyRead() {
    Authentication member = councilUser("walsall", "BOARD_MEMBER");
    assertThat(CouncilAccess.decide(member, WALSALL, false)).isEqualTo(Decision.ALLOWED);
    assertThat(CouncilAccess.decide(member, WALSALL, true)).isEqualTo(Decision.READ_ONLY);
  }

  @Test
  void anotherCouncilIsHiddenWhateverTheRole() {
    assertThat(CouncilAccess.decide(councilUser("peterborough", "COUNCIL_ADMIN"), WALSALL, false))
        .isEqualTo(Decision.HIDDEN);
    assertThat(CouncilAccess.decide(councilUser("peterborough", "DFE_OBSERVER"), WALSALL, false))
        .as("a council user cannot make themselves an observer")
        .isEqualTo(Decision.HIDDEN);
  }

  @Test
  void aCouncilUserWithNoKnownRoleSeesNothing() {
    assertThat(CouncilAccess.decide(councilUser("walsall", "SOMETHING_ELSE"), WALSALL, false))
        .isEqualTo(Decision.HIDDEN);
  }

  @Test
  void observersReadWhatIsInScopeAndNeverWrite() {
    assertThat(CouncilAccess.decide(observer(List.of("*")), WALSALL, false))
        .isEqualTo(Decision.ALLOWED);
    assertThat(CouncilAccess.decide(observer(List.of("walsall")), WALSALL, true))
        .isEqualTo(Decision.READ_ONLY);
    assertThat(CouncilAccess.decide(observer(List.of("peterborough")), WALSALL, false))
        .isEqualTo(Decision.HIDDEN);
    assertThat(CouncilAccess.decide(observer("walsall"), WALSALL, false))
        .isEqualTo(Decision.ALLOWED);
  }

  @Test
  void platformAdminsMaySupportAnyCouncil() {
    Authentication admin = Authentication.build("a", List.of("PLATFORM_ADMIN"), Map.of());
    assertThat(CouncilAccess.decide(admin, WALSALL, true)).isEqualTo(Decision.ALLOWED);
  }
}
