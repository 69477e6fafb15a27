package uk.police.missing.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.police.missing.api.ApiTest;
import uk.police.missing.graph.testing.GraphDump;
import uk.police.missing.graph.testing.TestNeo4j;

/**
 * Every way a bearer token can be wrong gets 401 at both doors, writes nothing, returns nothing,
 * and leaves an audit record of the refusal. The bad tokens are built here: most are signed with
 * the development issuer's own key, so only the one thing each case breaks is wrong.
 */
class TokenValidationTest extends ApiTest {

  private static final String ISSUER = "http://localhost/dev-issuer";

  @Autowired private DevIssuerConfiguration.DevIssuerKey issuerKey;

  static Stream<Arguments> badTokens() {
    return Stream.of(
        Arguments.of("no token", (BadToken) t -> null),
        Arguments.of(
            "expired",
            (BadToken) t -> t.signed(t.claims(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120)))))),
        Arguments.of("no expiry", (BadToken) t -> t.signed(t.claims(c -> c.expirationTime(null)))),
        Arguments.of(
            "not yet valid",
            (BadToken) t -> t.signed(t.claims(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))))),
        Arguments.of(
            "wrong issuer",
            (BadToken) t -> t.signed(t.claims(c -> c.issuer("https://idp.example.invalid")))),
        Arguments.of(
            "wrong audience",
            (BadToken) t -> t.signed(t.claims(c -> c.audience("another-service")))),
        Arguments.of("alg=none", (BadToken) t -> new PlainJWT(t.claims(c -> c)).serialize()),
        Arguments.of("HS256 signed with the public key", (BadToken) TokenFactory::hs256WithPublicKey),
        Arguments.of("signed by another key", (BadToken) TokenFactory::signedByAnotherKey),
        Arguments.of("tampered payload", (BadToken) TokenFactory::tampered),
        Arguments.of("not a token", (BadToken) t -> "' OR 1=1 --"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void refusesABadTokenAtTheIngestDoorAndWritesNothing(String name, BadToken bad) throws Exception {
    String before = GraphDump.of(TestNeo4j.driver());
    long refusals = count("MATCH (a:AuditRecord {outcome: 'REFUSED_UNAUTHENTICATED'}) RETURN count(a)");

    ResponseEntity<String> response =
        send(bad.make(factory()), "/api/v1/episodes", MediaType.parseMediaType("application/x-ndjson"),
            resource("contract/valid.ndjson"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(401));
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    assertThat(GraphDump.of(TestNeo4j.driver())).isEqualTo(before);
    assertThat(count("MATCH (a:AuditRecord {outcome: 'REFUSED_UNAUTHENTICATED', subject: 'anonymous'}) RETURN count(a)"))
        .isEqualTo(refusals + 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void refusesABadTokenAtTheGraphQlDoorAndReturnsNothing(String name, BadToken bad) throws Exception {
    push(resource("contract/valid.ndjson"));

    ResponseEntity<String> response =
        send(bad.make(factory()), "/graphql", MediaType.APPLICATION_JSON,
            "{\"query\": \"{ childByForceRef(force: \\\"GMP\\\", personRef: \\\"GMP-P-88213\\\") { givenName } }\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(401));
    assertThat(response.getBody()).doesNotContain("Kayla").doesNotContain("\"data\"");
  }

  /** The control: built the same way with nothing broken, a token is accepted. */
  @Test
  void aTokenBuiltTheSameWayWithNothingBrokenIsAccepted() throws Exception {
    ResponseEntity<String> response =
        send(factory().signed(factory().claims(c -> c)), "/api/v1/episodes",
            MediaType.parseMediaType("application/x-ndjson"), resource("contract/valid.ndjson"));

    assertThat(response.getStatusCode().value()).isEqualTo(200);
  }

  private TokenFactory factory() {
    return new TokenFactory(issuerKey.key(), token(ALL_FORCES_SYSTEM));
  }

  private ResponseEntity<String> send(String token, String path, MediaType type, String body) {
    return http()
        .post()
        .uri(path)
        .headers(
            h -> {
              if (token != null) {
                h.setBearerAuth(token);
              }
              h.set("X-Purpose", PURPOSE);
            })
        .contentType(type)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .retrieve()
        .onStatus(s -> true, (request, reply) -> {})
        .toEntity(String.class);
  }

  @FunctionalInterface
  interface BadToken {
    String make(TokenFactory factory) throws Exception;
  }

  /** Builds tokens like the development issuer's, for a force system allowed GMP and WMP. */
  record TokenFactory(RSAKey key, String realToken) {

    JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
      Instant now = Instant.now();
      return change
          .apply(
              new JWTClaimsSet.Builder()
                  .issuer(ISSUER)
                  .subject("forged-system")
                  .audience("missing-children")
                  .issueTime(Date.from(now))
                  .notBeforeTime(Date.from(now.minusSeconds(5)))
                  .expirationTime(Date.from(now.plusSeconds(300)))
                  .claim("roles", List.of("force-system"))
                  .claim("forces", List.of("GMP", "WMP")))
          .build();
    }

    String signed(JWTClaimsSet claims) throws Exception {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    }

    String hs256WithPublicKey() throws Exception {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(c -> c));
      jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
      return jwt.serialize();
    }

    String signedByAnotherKey() throws Exception {
      RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
      return new TokenFactory(other, realToken).signed(claims(c -> c));
    }

    /** A real token of the issuer with its payload changed and its signature kept. */
    String tampered() {
      String[] parts = realToken.split("\\.");
      String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      String changed = payload.replace("\"force-system\"", "\"auditor\"");
      assertThat(changed).isNotEqualTo(payload);
      return parts[0]
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
          + "."
          + parts[2];
    }
  }
}
