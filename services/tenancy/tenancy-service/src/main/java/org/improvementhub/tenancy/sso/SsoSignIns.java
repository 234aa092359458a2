package org.improvementhub.tenancy.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoErrorResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.CouncilStatus;
import org.improvementhub.tenancy.context.CouncilStatusRule;
import org.improvementhub.tenancy.context.CouncilStatuses;
import org.improvementhub.tenancy.token.TokenIssuer;
import org.improvementhub.tenancy.user.UserAccount;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorisation code flow with PKCE against a council's provider. {@link #start} keeps the
 * state, the nonce and the PKCE verifier in tenancy's database and answers the provider's address
 * to send the person to; {@link #finish} takes the state and code the provider sent back, uses the
 * state once, exchanges the code with the client secret and the verifier, verifies the ID token
 * (signature against the provider's JWKS, {@code iss}, {@code aud}, {@code exp}, {@code nonce}) and
 * issues our own token. The council is the one the state was started for, never one the provider
 * names; the roles are the council's mapping of the provider's claim. When the ID token lacks the
 * roles claim or the email, the provider's userinfo endpoint (read with the access token, for the
 * same subject) supplies them. The answer carries the provider's end-session address with the ID
 * token as the hint, so the client can sign the person out there too.
 */
@Singleton
class SsoSignIns {

  private static final Logger LOG = LoggerFactory.getLogger(SsoSignIns.class);
  private static final Duration VALID_FOR = Duration.ofMinutes(10);
  private static final Duration KEPT_FOR = Duration.ofDays(1);

  /** Signatures accepted on ID tokens: asymmetric only (no {@code none}, no shared-secret MACs). */
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512);

  private final CouncilSsoSettings settings;
  private final PendingSignInRepository pending;
  private final IdentityProviders providers;
  private final ClientSecrets secrets;
  private final SsoRules rules;
  private final CouncilProviderPeople people;
  private final TokenIssuer tokens;
  private final CouncilStatuses statuses;
  private final Clock clock;
  private final int clockSkewSeconds;

  SsoSignIns(
      CouncilSsoSettings settings,
      PendingSignInRepository pending,
      IdentityProviders providers,
      ClientSecrets secrets,
      SsoRules rules,
      CouncilProviderPeople people,
      TokenIssuer tokens,
      CouncilStatuses statuses,
      Clock clock,
      @Value("${hub.sso.clock-skew:60s}") Duration clockSkew) {
    this.settings = settings;
    this.pending = pending;
    this.providers = providers;
    this.secrets = secrets;
    this.rules = rules;
    this.people = people;
    this.tokens = tokens;
    this.statuses = statuses;
    this.clock = clock;
    this.clockSkewSeconds = (int) clockSkew.toSeconds();
  }

  /** Where to send the person, and the state the provider will send back. */
  SsoStarted start(String council, String redirectUri) {
    CouncilSlug slug = CouncilSlug.parse(council).orElseThrow(() -> noSso(council));
    CouncilSso sso = settings.enabled(slug).orElseThrow(() -> noSso(council));
    refuseIfSuspended(slug);
    String redirect = redirectUri == null ? rules.redirectUris().get(0) : redirectUri.strip();
    if (!rules.redirectUris().contains(redirect)) {
      throw ProblemException.invalidField(
          "redirectUri", "must be one of the addresses registered with councils' providers");
    }
    OIDCProviderMetadata provider = providers.of(sso.issuer()).metadata();
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    Instant now = clock.instant();
    pending.forgetStartedBefore(now.minus(KEPT_FOR));
    pending.save(
        new PendingSignIn(
            state.getValue(),
            slug.value(),
            nonce.getValue(),
            verifier.getValue(),
            redirect,
            now,
            null));
    URI authorization =
        new AuthenticationRequest.Builder(
                ResponseType.CODE,
                new Scope(sso.scopes()),
                new ClientID(sso.clientId()),
                URI.create(redirect))
            .endpointURI(provider.getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    return new SsoStarted(slug.value(), authorization.toString(), state.getValue());
  }

  /**
   * Our token for the person the provider signed in, or a problem saying why not; with the
   * provider's sign-out address when it has one.
   */
  SsoSignedIn finish(String state, String code, String postLogoutRedirectUri) {
    if (state == null || state.isBlank() || state.length() > 200) {
      throw ProblemException.invalidField("state", "must be the state the provider sent back");
    }
    if (code == null || code.isBlank() || code.length() > 4000) {
      throw ProblemException.invalidField("code", "must be the code the provider sent back");
    }
    URI afterSignOut = afterSignOut(postLogoutRedirectUri);
    PendingSignIn signIn =
        pending
            .findById(state)
            .orElseThrow(() -> SsoRefused.because("this sign-in is unknown or already used"));
    Instant now = clock.instant();
    if (pending.finish(state, now) != 1) {
      LOG.info("A used sign-in state was sent again for council {}", signIn.council());
      throw SsoRefused.because("this sign-in is unknown or already used");
    }
    if (signIn.startedAt().plus(VALID_FOR).isBefore(now)) {
      throw SsoRefused.because("this sign-in took too long: start again");
    }
    CouncilSlug council = CouncilSlug.of(signIn.council());
    CouncilSso sso =
        settings
            .enabled(council)
            .orElseThrow(() -> SsoRefused.because("single sign-on is off for this council"));
    refuseIfSuspended(council);
    IdentityProviders.Provider provider = providers.of(sso.issuer());
    OIDCTokens issued = tokens(signIn, sso, provider, code);
    IDTokenClaimsSet claims = verified(issued.getIDToken(), signIn, sso, provider);
    Object rolesClaim = claims.getClaim(sso.rolesClaim());
    String email = claims.getStringClaim("email");
    String name = claims.getStringClaim("name");
    Object emailVerified = claims.getClaim("email_verified");
    if ((rolesClaim == null || email == null)
        && provider.metadata().getUserInfoEndpointURI() != null) {
      // not in the ID token (Entra ID leaves out large group lists, some providers all but sub):
      // the provider's userinfo, for the same subject, says it
      UserInfo info = userInfo(sso, provider, issued.getAccessToken(), claims.getSubject());
      rolesClaim = rolesClaim == null ? info.getClaim(sso.rolesClaim()) : rolesClaim;
      if (email == null) {
        // whether the address is verified is said by whoever gave the address
        email = info.getStringClaim("email");
        emailVerified = info.getClaim("email_verified");
      }
      name = name == null ? info.getStringClaim("name") : name;
    }
    List<String> roles = ProviderRoles.from(rolesClaim, settings.roleMapping(sso));
    if (roles.isEmpty()) {
      LOG.info("A sign-in through council {}'s provider mapped to no role", council);
      throw ProblemException.of(
          ProblemType.FORBIDDEN,
          "Your council's account has no role in Improvement Hub: ask your council's admin");
    }
    CouncilProviderPeople.SignedIn signedIn =
        people.signedIn(
            council.value(),
            sso.issuer(),
            claims.getSubject().getValue(),
            new CouncilProviderPeople.Claimed(email, verified(emailVerified), name),
            roles);
    if (signedIn.refusal() != null) {
      // refused after the trail's entry committed: the refusal is on the council's record
      throw SsoRefused.because(signedIn.refusal());
    }
    UserAccount user = signedIn.user();
    LOG.info("User {} signed in through council {}'s provider as {}", user.id(), council, roles);
    URI endSession = provider.metadata().getEndSessionEndpointURI();
    String signOut =
        endSession == null
            ? null
            : new LogoutRequest(endSession, issued.getIDToken(), afterSignOut, null)
                .toURI()
                .toString();
    return SsoSignedIn.of(this.tokens.issue(user), signOut);
  }

  /**
   * Whether the provider says it verified the email address: {@code email_verified} true (or the
   * string "true", as some providers send it); null when it says nothing.
   */
  private static Boolean verified(Object emailVerified) {
    if (emailVerified == null) {
      return null;
    }
    return Boolean.TRUE.equals(emailVerified) || "true".equals(emailVerified);
  }

  private URI afterSignOut(String postLogoutRedirectUri) {
    if (postLogoutRedirectUri == null || postLogoutRedirectUri.isBlank()) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(postLogoutRedirectUri.strip());
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (postLogoutRedirectUri.length() > 2000 || !rules.ownAddress(uri)) {
      throw ProblemException.invalidField(
          "postLogoutRedirectUri",
          "must be an address on the origin of one of the registered redirect URIs");
    }
    return uri;
  }

  /** The claims of the provider's userinfo endpoint for {@code subject}, read with its token. */
  private UserInfo userInfo(
      CouncilSso sso,
      IdentityProviders.Provider provider,
      com.nimbusds.oauth2.sdk.token.AccessToken accessToken,
      Subject subject) {
    if (accessToken == null) {
      throw SsoRefused.because("the provider gave no access token to read the userinfo with");
    }
    UserInfoResponse response;
    try {
      HTTPRequest http =
          new UserInfoRequest(provider.metadata().getUserInfoEndpointURI(), accessToken)
              .toHTTPRequest();
      response = UserInfoResponse.parse(providers.send(http));
    } catch (IOException | ParseException e) {
      LOG.warn(
          "Council {}'s provider did not answer the userinfo: {}", sso.council(), e.getMessage());
      throw ProblemException.of(
          ProblemType.UNAVAILABLE, "The council's sign-in provider cannot be reached just now");
    }
    if (!response.indicatesSuccess()) {
      UserInfoErrorResponse error = response.toErrorResponse();
      String why = error.getErrorObject() == null ? "refused" : error.getErrorObject().getCode();
      LOG.info("Council {}'s provider refused the userinfo: {}", sso.council(), why);
      throw SsoRefused.because("the provider refused the userinfo (" + why + ")");
    }
    UserInfo info = response.toSuccessResponse().getUserInfo();
    if (info == null) {
      // a signed or encrypted userinfo answer: not accepted, as its keys are not checked here
      LOG.info("Council {}'s provider answered the userinfo as a JWT", sso.council());
      throw SsoRefused.because("the provider's userinfo is a JWT, which is not accepted");
    }
    if (!subject.equals(info.getSubject())) {
      // OpenID Connect Core 5.3.2: the userinfo must be about the ID token's subject
      LOG.info("Council {}'s provider answered the userinfo of another subject", sso.council());
      throw SsoRefused.because("the provider's userinfo is about someone else");
    }
    return info;
  }

  private OIDCTokens tokens(
      PendingSignIn signIn, CouncilSso sso, IdentityProviders.Provider provider, String code) {
    String secret =
        secrets
            .find(sso.clientSecretRef())
            .orElseThrow(
                () -> {
                  LOG.warn(
                      "The client secret '{}' of council {} cannot be found",
                      sso.clientSecretRef(),
                      sso.council());
                  return ProblemException.of(
                      ProblemType.UNAVAILABLE,
                      "Single sign-on for this council is not fully set up: ask its admin");
                });
    ClientID client = new ClientID(sso.clientId());
    TokenRequest request =
        new TokenRequest(
            provider.metadata().getTokenEndpointURI(),
            clientAuthentication(provider.metadata(), client, new Secret(secret)),
            new AuthorizationCodeGrant(
                new AuthorizationCode(code),
                URI.create(signIn.redirectUri()),
                new CodeVerifier(signIn.codeVerifier())));
    TokenResponse response;
    try {
      HTTPRequest http = request.toHTTPRequest();
      response = OIDCTokenResponseParser.parse(providers.send(http));
    } catch (IOException | ParseException e) {
      LOG.warn("Council {}'s provider did not answer the code: {}", sso.council(), e.getMessage());
      throw ProblemException.of(
          ProblemType.UNAVAILABLE, "The council's sign-in provider cannot be reached just now");
    }
    if (!response.indicatesSuccess()) {
      TokenErrorResponse error = response.toErrorResponse();
      String why = error.getErrorObject() == null ? "refused" : error.getErrorObject().getCode();
      LOG.info("Council {}'s provider refused the code: {}", sso.council(), why);
      throw SsoRefused.because("the provider refused the code (" + why + ")");
    }
    OIDCTokens oidc = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    if (oidc.getIDToken() == null) {
      throw SsoRefused.because("the provider gave no ID token");
    }
    return oidc;
  }

  private IDTokenClaimsSet verified(
      JWT idToken, PendingSignIn signIn, CouncilSso sso, IdentityProviders.Provider provider) {
    ClientID client = new ClientID(sso.clientId());
    IDTokenValidator validator =
        new IDTokenValidator(
            new Issuer(sso.issuer()),
            client,
            new JWSVerificationKeySelector<SecurityContext>(ALGORITHMS, provider.keys()),
            null);
    validator.setMaxClockSkew(clockSkewSeconds);
    try {
      return validator.validate(idToken, new Nonce(signIn.nonce()));
    } catch (BadJOSEException | JOSEException e) {
      LOG.info("Council {}'s ID token was refused: {}", sso.council(), e.getMessage());
      throw SsoRefused.because("the provider's ID token was not accepted (" + e.getMessage() + ")");
    }
  }

  private static ClientAuthentication clientAuthentication(
      OIDCProviderMetadata provider, ClientID client, Secret secret) {
    List<ClientAuthenticationMethod> supported = provider.getTokenEndpointAuthMethods();
    boolean postOnly =
        supported != null
            && !supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            && supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    return postOnly ? new ClientSecretPost(client, secret) : new ClientSecretBasic(client, secret);
  }

  private void refuseIfSuspended(CouncilSlug council) {
    if (statuses.statusOf(council) == CouncilStatus.SUSPENDED) {
      throw ProblemException.of(
          ProblemType.COUNCIL_SUSPENDED,
          CouncilStatusRule.detail(ProblemType.COUNCIL_SUSPENDED, council));
    }
  }

  private static ProblemException noSso(String council) {
    return ProblemException.notFound("Single sign-on for council '" + council + "'");
  }
}
