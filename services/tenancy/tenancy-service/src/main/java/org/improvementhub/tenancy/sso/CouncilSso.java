package org.improvementhub.tenancy.sso;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/**
 * A council's single sign-on settings, as stored. The client secret is not here: {@code
 * clientSecretRef} names where it is kept ({@link ClientSecrets}).
 *
 * @param roleMapping a JSON object from the provider's role values to our council roles
 */
@MappedEntity(value = "council_sso", schema = "tenancy")
record CouncilSso(
    @Id String council,
    String issuer,
    String clientId,
    String clientSecretRef,
    @TypeDef(type = DataType.STRING_ARRAY) String[] scopes,
    String rolesClaim,
    String roleMapping,
    boolean enabled,
    String changedBy,
    Instant changedAt) {

  List<String> scopeList() {
    return List.of(scopes);
  }
}
