package uk.police.missing.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * One verifier per trusted issuer, chosen by the token's {@code iss}: its signature is checked
 * against that issuer's keys only (RS256: a token signed with HS256, or not signed at all, is
 * refused whatever key it was made with), then its issuer, audience, expiry and not-before.
 */
final class TokenVerification {

  private TokenVerification() {}

  static AuthenticationManagerResolver<HttpServletRequest> resolver(
      SecurityProperties properties, RSAPublicKey devIssuerKey) {
    Map<String, AuthenticationManager> managers = new HashMap<>();
    for (SecurityProperties.TrustedIssuer trusted : properties.issuers()) {
      NimbusJwtDecoder decoder =
          trusted.jwkSetUri() != null
              ? NimbusJwtDecoder.withJwkSetUri(trusted.jwkSetUri().toString())
                  .jwsAlgorithm(SignatureAlgorithm.RS256)
                  .build()
              : NimbusJwtDecoder.withPublicKey(publicKey(trusted))
                  .signatureAlgorithm(SignatureAlgorithm.RS256)
                  .build();
      managers.put(
          trusted.issuer(),
          manager(
              decoder,
              trusted.issuer(),
              properties.audience(),
              new CallerTokenConverter(
                  trusted.mayAssertRoles(),
                  trusted.mayAssertForces(),
                  trusted.mayAssertPermissions())));
    }
    if (devIssuerKey != null) {
      NimbusJwtDecoder decoder =
          NimbusJwtDecoder.withPublicKey(devIssuerKey).signatureAlgorithm(SignatureAlgorithm.RS256).build();
      managers.put(
          properties.devIssuer().issuer(),
          manager(
              decoder,
              properties.devIssuer().issuer(),
              properties.audience(),
              new CallerTokenConverter(null, null, null)));
    }
    // An unknown issuer resolves to null, which the resolver turns into an invalid token (401).
    return new JwtIssuerAuthenticationManagerResolver(managers::get);
  }

  private static RSAPublicKey publicKey(SecurityProperties.TrustedIssuer trusted) {
    try (var in = trusted.publicKey().getInputStream()) {
      return RsaKeyConverters.x509().convert(in);
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot read the public key of trusted issuer " + trusted.issuer() + ": " + e.getMessage(), e);
    }
  }

  private static AuthenticationManager manager(
      NimbusJwtDecoder decoder, String issuer, String audience, CallerTokenConverter converter) {
    decoder.setJwtValidator(validator(issuer, audience));
    JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
    provider.setJwtAuthenticationConverter(converter);
    return provider::authenticate;
  }

  static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
    return new DelegatingOAuth2TokenValidator<>(
        List.of(
            JwtValidators.createDefaultWithIssuer(issuer),
            // The default checks expiry only when the claim is there; a token without one would
            // never expire.
            new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
            new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
  }
}
