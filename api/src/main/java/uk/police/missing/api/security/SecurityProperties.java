package uk.police.missing.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Which token issuers the service trusts and what each may assert.
 *
 * @param audience the {@code aud} value every token must carry: tokens minted for another service
 *     are refused even when a trusted issuer signed them
 * @param issuers the external identity providers trusted (a national one, or one per force)
 * @param devIssuer the development issuer built into the service
 */
@Validated
@ConfigurationProperties("missing.security")
public record SecurityProperties(
    @NotBlank String audience, List<@Valid TrustedIssuer> issuers, @Valid DevIssuer devIssuer) {

  public SecurityProperties {
    issuers = issuers == null ? List.of() : List.copyOf(issuers);
    devIssuer = devIssuer == null ? new DevIssuer(false, null, null, null) : devIssuer;
  }

  /**
   * An identity provider whose signed tokens are accepted.
   *
   * @param issuer the exact {@code iss} value of its tokens
   * @param jwkSetUri where its public signing keys are published (this, or publicKey)
   * @param publicKey its RSA public key as an X.509 PEM file, for an issuer whose key is pinned
   *     rather than fetched (this, or jwkSetUri)
   * @param mayAssertRoles the roles (claim spelling: force-system, analyst, investigator,
   *     auditor) its tokens may grant; others in a token are ignored
   * @param mayAssertForces the force codes its tokens may name in {@code forces}; a force's own
   *     provider lists only that force
   * @param mayAssertPermissions the permissions (return-interviews, match-decisions) it may grant
   */
  public record TrustedIssuer(
      @NotBlank String issuer,
      URI jwkSetUri,
      Resource publicKey,
      Set<String> mayAssertRoles,
      Set<String> mayAssertForces,
      Set<String> mayAssertPermissions) {

    public TrustedIssuer {
      if ((jwkSetUri == null) == (publicKey == null)) {
        throw new IllegalArgumentException(
            "trusted issuer " + issuer + ": give either jwk-set-uri or public-key, not both or none");
      }
      mayAssertRoles = mayAssertRoles == null ? Set.of() : Set.copyOf(mayAssertRoles);
      mayAssertForces = mayAssertForces == null ? Set.of() : Set.copyOf(mayAssertForces);
      mayAssertPermissions =
          mayAssertPermissions == null ? Set.of() : Set.copyOf(mayAssertPermissions);
    }
  }

  /**
   * The development issuer: tokens for the clients listed here, by the client credentials grant,
   * so a fresh checkout runs with nothing else. The production profile refuses it.
   *
   * @param enabled whether the service issues tokens itself
   * @param issuer the {@code iss} value of its tokens
   * @param tokenLifetime how long its tokens are valid
   * @param clients the client id of each demo force system and demo user, with what its token says
   */
  public record DevIssuer(
      boolean enabled, String issuer, Duration tokenLifetime, Map<String, @Valid DevClient> clients) {

    public DevIssuer {
      issuer = issuer == null ? "http://localhost/dev-issuer" : issuer;
      tokenLifetime = tokenLifetime == null ? Duration.ofMinutes(15) : tokenLifetime;
      clients = clients == null ? Map.of() : Map.copyOf(clients);
    }
  }

  /**
   * One client of the development issuer.
   *
   * @param secret its client secret
   * @param roles the roles its tokens carry
   * @param forces the forces its tokens name (force systems: the forces whose records it may send)
   * @param permissions the extra permissions its tokens carry
   */
  public record DevClient(
      @NotBlank String secret, Set<String> roles, Set<String> forces, Set<String> permissions) {

    public DevClient {
      roles = roles == null ? Set.of() : Set.copyOf(roles);
      forces = forces == null ? Set.of() : Set.copyOf(forces);
      permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }
  }
}
