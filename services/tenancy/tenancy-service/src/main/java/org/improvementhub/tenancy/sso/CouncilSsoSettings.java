package org.improvementhub.tenancy.sso;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.improvementhub.tenancy.audit.TenancyAuditTrail;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.HubRole;
import org.improvementhub.tenancy.council.CouncilRegistry;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemException;

/**
 * Reads and changes a council's SSO settings, checking each field, and records every change (who,
 * when, before and after). Only council roles can be the target of a mapping: a provider can never
 * make anyone a platform admin or a DfE observer.
 */
@Singleton
class CouncilSsoSettings {

  static final List<HubRole> MAPPABLE_ROLES =
      List.of(
          HubRole.COUNCIL_ADMIN,
          HubRole.PROGRAMME_MANAGER,
          HubRole.ACTION_LEAD,
          HubRole.BOARD_MEMBER);

  private static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");
  // RFC 6749 §3.3 scope-token characters
  private static final Pattern SCOPE = Pattern.compile("^[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}$");
  private static final Pattern CLAIM = Pattern.compile("^[\\x21-\\x7E]{1,200}$");

  private final CouncilSsoRepository settings;
  private final SsoSettingsChangeRepository changes;
  private final CouncilRegistry councils;
  private final ClientSecrets secrets;
  private final SsoRules rules;
  private final JsonMapper json;
  private final Clock clock;
  private final TenancyAuditTrail audit;
  private final ProviderAddresses addresses;
  private final SsoRefusals refusals;

  CouncilSsoSettings(
      CouncilSsoRepository settings,
      SsoSettingsChangeRepository changes,
      CouncilRegistry councils,
      ClientSecrets secrets,
      SsoRules rules,
      JsonMapper json,
      Clock clock,
      TenancyAuditTrail audit,
      ProviderAddresses addresses,
      SsoRefusals refusals) {
    this.audit = audit;
    this.refusals = refusals;
    this.addresses = addresses;
    this.settings = settings;
    this.changes = changes;
    this.councils = councils;
    this.secrets = secrets;
    this.rules = rules;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  Optional<SsoSettingsView> find(CouncilSlug council) {
    return settings.findById(council.value()).map(this::view);
  }

  /** The settings of a council whose SSO is switched on. */
  @Transactional
  Optional<CouncilSso> enabled(CouncilSlug council) {
    return settings.findById(council.value()).filter(CouncilSso::enabled);
  }

  @Transactional
  List<CouncilSso> allEnabled() {
    return settings.findByEnabledTrueOrderByCouncil();
  }

  @Transactional
  SsoSettingsView save(CouncilSlug council, SsoSettings request, String changedBy) {
    if (!councils.exists(council)) {
      throw ProblemException.notFound("Council '" + council + "'");
    }
    CouncilSso checked = checked(council, request, changedBy);
    Optional<CouncilSso> before = settings.findById(council.value());
    CouncilSso saved = before.isPresent() ? settings.update(checked) : settings.save(checked);
    SsoSettingsView after = view(saved);
    changes.save(
        new SsoSettingsChange(
            UUID.randomUUID(),
            council.value(),
            changedBy,
            saved.changedAt(),
            before.map(this::view).map(this::write).orElse(null),
            write(after)));
    // the view names the client secret's reference, never the secret
    audit.record(
        council.value(),
        "sso-settings",
        council.value(),
        before.isPresent() ? "CHANGED" : "SET",
        before.map(this::view).orElse(null),
        after);
    return after;
  }

  /** Each change's who, when, before and after, oldest first. */
  @Transactional
  List<SsoSettingsChange> history(CouncilSlug council) {
    return changes.findByCouncilOrderByChangedAt(council.value());
  }

  Map<String, String> roleMapping(CouncilSso sso) {
    try {
      return json.readValue(sso.roleMapping(), Argument.mapOf(String.class, String.class));
    } catch (IOException e) {
      throw new UncheckedIOException("The stored role mapping cannot be read", e);
    }
  }

  private CouncilSso checked(CouncilSlug council, SsoSettings request, String changedBy) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String issuer = strip(request.issuer());
    if (issuer.isEmpty()) {
      errors.add(new Problem.FieldError("issuer", "is required"));
    } else if (issuer.length() > 500) {
      errors.add(new Problem.FieldError("issuer", "must be at most 500 characters"));
    } else {
      String problem = rules.issuerProblem(issuer);
      if (problem == null && addresses.refusesIssuerHost(URI.create(issuer).getHost())) {
        problem =
            "is on a host that resolves to an address inside the platform's network"
                + " (hub.sso.allow-inside-addresses)";
        refusals.issuerRefused(council.value(), changedBy, issuer, problem);
      } else if (problem != null && rules.refusesHost(issuer)) {
        refusals.issuerRefused(council.value(), changedBy, issuer, problem);
      }
      if (problem != null) {
        errors.add(new Problem.FieldError("issuer", problem));
      }
    }
    String clientId = strip(request.clientId());
    if (clientId.isEmpty() || clientId.length() > 200) {
      errors.add(new Problem.FieldError("clientId", "is required, at most 200 characters"));
    }
    String secretRef = strip(request.clientSecretRef());
    if (!ClientSecrets.REFERENCE.matcher(secretRef).matches()) {
      errors.add(
          new Problem.FieldError(
              "clientSecretRef",
              "must name where the secret is kept (letters, digits, _ . -; not the secret itself)"));
    }
    List<String> scopes = request.scopes() == null ? DEFAULT_SCOPES : request.scopes();
    Set<String> scopeSet = new LinkedHashSet<>();
    for (int i = 0; i < scopes.size(); i++) {
      String scope = scopes.get(i);
      if (scope == null || !SCOPE.matcher(scope).matches()) {
        errors.add(new Problem.FieldError("scopes[" + i + "]", "is not a valid scope"));
      } else {
        scopeSet.add(scope);
      }
    }
    if (!scopeSet.contains("openid")) {
      errors.add(new Problem.FieldError("scopes", "must include openid"));
    }
    String rolesClaim = strip(request.rolesClaim());
    if (!CLAIM.matcher(rolesClaim).matches()) {
      errors.add(
          new Problem.FieldError("rolesClaim", "must name the claim that carries roles or groups"));
    }
    Map<String, String> mapping = new LinkedHashMap<>();
    if (request.roleMapping() == null || request.roleMapping().isEmpty()) {
      errors.add(
          new Problem.FieldError(
              "roleMapping", "must map at least one of the provider's values to a council role"));
    } else {
      request
          .roleMapping()
          .forEach(
              (value, role) -> {
                String field = "roleMapping." + value;
                if (value == null || value.isBlank() || value.length() > 200) {
                  errors.add(new Problem.FieldError("roleMapping", "has an empty or long value"));
                } else if (!mappable(role)) {
                  errors.add(
                      new Problem.FieldError(
                          field,
                          "must be a council role: "
                              + String.join(
                                  ", ", MAPPABLE_ROLES.stream().map(HubRole::name).toList())));
                } else {
                  mapping.put(value, role.strip());
                }
              });
    }
    if (request.enabled() == null) {
      errors.add(new Problem.FieldError("enabled", "is required: true or false"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          Problem.invalid(errors.get(0).field() + ": " + errors.get(0).message(), errors));
    }
    return new CouncilSso(
        council.value(),
        issuer,
        clientId,
        secretRef,
        scopeSet.toArray(String[]::new),
        rolesClaim,
        write(mapping),
        request.enabled(),
        changedBy,
        clock.instant());
  }

  private static boolean mappable(String role) {
    return role != null
        && MAPPABLE_ROLES.stream().map(HubRole::name).anyMatch(role.strip()::equals);
  }

  private SsoSettingsView view(CouncilSso sso) {
    return new SsoSettingsView(
        sso.council(),
        sso.issuer(),
        sso.clientId(),
        sso.clientSecretRef(),
        secrets.find(sso.clientSecretRef()).isPresent(),
        sso.scopeList(),
        sso.rolesClaim(),
        roleMapping(sso),
        sso.enabled(),
        rules.redirectUris(),
        sso.changedBy(),
        sso.changedAt());
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }
}
