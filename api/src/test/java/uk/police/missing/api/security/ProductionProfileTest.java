package uk.police.missing.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import uk.police.missing.api.MissingChildrenApplication;
import uk.police.missing.graph.testing.TestNeo4j;

/**
 * The production profile: no development issuer, tokens only from the configured external issuer
 * (here with a pinned public key, its private half kept by this test), limited to what that
 * issuer may assert; nothing that describes the schema; and a refusal to start with development
 * settings or default secrets, with a message that says what to change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class ProductionProfileTest {

  private static final String ISSUER = "https://idp.gmp.example.invalid";
  private static final RSAKey KEY = generate();
  private static final Path PUBLIC_KEY = pem(KEY);
  // A second, national issuer, trusted at the same time for what GMP's may not assert.
  private static final String NATIONAL = "https://idp.national.example.invalid";
  private static final RSAKey NATIONAL_KEY = generate();
  private static final Path NATIONAL_PUBLIC_KEY = pem(NATIONAL_KEY);

  @LocalServerPort private int port;

  // Boot turns introspection off for the whole JVM (graphql-java's Introspection.enabledJvmWide),
  // not for this context alone; the other test contexts, cached in this JVM, expect it on.
  @AfterAll
  static void introspectionBackOnForTheOtherTestContexts() {
    graphql.introspection.Introspection.enabledJvmWide(true);
  }

  @DynamicPropertySource
  static void productionSettings(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", () -> TestNeo4j.uri().toString());
    registry.add("missing.security.issuers[0].issuer", () -> ISSUER);
    registry.add("missing.security.issuers[0].public-key", () -> "file:" + PUBLIC_KEY);
    registry.add("missing.security.issuers[0].may-assert-roles", () -> "force-system,analyst");
    registry.add("missing.security.issuers[0].may-assert-forces", () -> "GMP");
    registry.add("missing.security.issuers[1].issuer", () -> NATIONAL);
    registry.add("missing.security.issuers[1].public-key", () -> "file:" + NATIONAL_PUBLIC_KEY);
    registry.add("missing.security.issuers[1].may-assert-roles", () -> "auditor");
  }

  @Test
  void introspectionGivesNothingAway() {
    String analyst = token(List.of("analyst"), List.of());
    for (String query :
        List.of(
            "{ __schema { types { name fields { name } } } }",
            "{ __type(name: \\\"Child\\\") { fields { name } } }")) {
      String body = graphQl(analyst, query).getBody();

      assertThat(body).contains("errors").doesNotContain("ConcernHit").doesNotContain("givenName");
    }
  }

  @Test
  void aMistypedFieldIsNotAnsweredWithSuggestions() {
    String body = graphQl(token(List.of("analyst"), List.of()), "{ placesOfConcer { childCount } }").getBody();

    assertThat(body).contains("errors").doesNotContain("Did you mean").doesNotContain("placesOfConcern");
  }

  @Test
  void graphiqlAndTheSchemaPrinterAreNotServed() {
    for (String path : List.of("/graphiql", "/graphql/schema")) {
      ResponseEntity<String> response =
          http().get().uri(path).retrieve().onStatus(s -> true, (q, r) -> {}).toEntity(String.class);

      assertThat(response.getStatusCode().value()).as(path).isIn(401, 403, 404);
      assertThat(String.valueOf(response.getBody())).doesNotContain("type Query");
    }
  }

  @Test
  void graphiqlAndTheSchemaPrinterAreNotServedEvenToAReader() {
    String analyst = token(List.of("analyst"), List.of());
    for (String path : List.of("/graphiql", "/graphiql/page.js", "/graphiql/lib/graphiql/graphiql.min.js", "/graphql/schema")) {
      ResponseEntity<String> response =
          http()
              .get()
              .uri(path)
              .headers(h -> h.setBearerAuth(analyst))
              .retrieve()
              .onStatus(s -> true, (q, r) -> {})
              .toEntity(String.class);

      assertThat(response.getStatusCode().value()).as(path).isEqualTo(404);
    }
  }

  @Test
  void anExternalIssuersTokenIsTrustedForWhatThatIssuerMayAssert() {
    String gmpSystem = token(List.of("force-system"), List.of("GMP"));
    String kayla = new String(resourceBytes("contract/valid.ndjson"), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();

    assertThat(ingest(gmpSystem, kayla).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void whatAnIssuerMayNotAssertIsIgnored() {
    // The GMP provider may not make auditors, nor let a system write for West Midlands.
    String selfMadeAuditor = token(List.of("auditor"), List.of());
    String wmpSystem = token(List.of("force-system"), List.of("WMP"));
    String wmpLine = new String(resourceBytes("contract/valid.ndjson"), StandardCharsets.UTF_8).lines().toList().get(2);

    assertThat(graphQl(selfMadeAuditor, "{ auditChainVerification { intact } }").getStatusCode().value())
        .isEqualTo(403);
    assertThat(ingest(wmpSystem, wmpLine).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void severalIssuersAreTrustedAtOnceEachForItsOwnAssertions() {
    String nationalAuditor = token(NATIONAL, NATIONAL_KEY, List.of("auditor"), List.of());
    // Signed by the national key but claiming to come from GMP's provider: refused.
    String mixedUp = token(ISSUER, NATIONAL_KEY, List.of("analyst"), List.of());

    assertThat(graphQl(nationalAuditor, "{ auditChainVerification { intact } }").getBody())
        .startsWith("{\"data\":{\"auditChainVerification\":{\"intact\":");
    assertThat(graphQl(mixedUp, "{ forces { code } }").getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void refusesToStartWithTheDevelopmentIssuer() {
    assertRefusesToStart(
        Map.of("missing.security.dev-issuer.enabled", "true"), "development token issuer is enabled");
  }

  @Test
  void refusesToStartWithoutATrustedIssuer() {
    assertRefusesToStart(Map.of(), "no trusted token issuer");
  }

  @Test
  void refusesToStartWithADefaultSecret() {
    assertRefusesToStart(
        Map.of(
            "missing.security.issuers[0].issuer", ISSUER,
            "missing.security.issuers[0].jwk-set-uri", "https://idp.gmp.example.invalid/jwks",
            "spring.neo4j.authentication.password", "neo4j"),
        "spring.neo4j.authentication.password holds a development or default secret");
  }

  @Test
  void refusesToStartWithADevelopmentSecretCopiedIntoItsConfiguration() {
    assertRefusesToStart(
        Map.of(
            "missing.security.issuers[0].issuer", ISSUER,
            "missing.security.issuers[0].jwk-set-uri", "https://idp.gmp.example.invalid/jwks",
            "missing.security.dev-issuer.clients.x.secret", "dev-only-analyst-secret"),
        "holds a development or default secret");
  }

  @Test
  void refusesToStartWithKeysFetchedOverPlainHttp() {
    assertRefusesToStart(
        Map.of(
            "missing.security.issuers[0].issuer", ISSUER,
            "missing.security.issuers[0].jwk-set-uri", "http://idp.gmp.example.invalid/jwks"),
        "not fetched over https");
  }

  private static void assertRefusesToStart(Map<String, Object> properties, String message) {
    var app =
        new SpringApplicationBuilder(MissingChildrenApplication.class)
            .profiles("prod")
            .properties(Map.of("server.port", "0", "spring.main.banner-mode", "off"));
    // As command-line arguments, so they rank above the profile's own file, as they would in use.
    String[] args =
        properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);

    // Thrown before any bean is made, so it arrives as it is, not wrapped.
    assertThatThrownBy(() -> app.run(args))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the production profile refuses to start")
        .hasMessageContaining(message);
  }

  private RestClient http() {
    return RestClient.builder().baseUrl("http://localhost:" + port).build();
  }

  private ResponseEntity<String> graphQl(String token, String query) {
    return http()
        .post()
        .uri("/graphql")
        .headers(h -> {
          h.setBearerAuth(token);
          h.set("X-Purpose", "TEST/PROD/1");
        })
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"query\": \"" + query + "\"}")
        .retrieve()
        .onStatus(s -> true, (q, r) -> {})
        .toEntity(String.class);
  }

  private ResponseEntity<String> ingest(String token, String body) {
    return http()
        .post()
        .uri("/api/v1/episodes")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.parseMediaType("application/x-ndjson"))
        .body(body.getBytes(StandardCharsets.UTF_8))
        .retrieve()
        .onStatus(s -> true, (q, r) -> {})
        .toEntity(String.class);
  }

  private static String token(List<String> roles, List<String> forces) {
    return token(ISSUER, KEY, roles, forces);
  }

  private static String token(String issuer, RSAKey key, List<String> roles, List<String> forces) {
    try {
      Instant now = Instant.now();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
              new JWTClaimsSet.Builder()
                  .issuer(issuer)
                  .subject("officer-4471")
                  .audience("missing-children")
                  .issueTime(Date.from(now))
                  .expirationTime(Date.from(now.plusSeconds(300)))
                  .claim("roles", roles)
                  .claim("forces", forces)
                  .build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] resourceBytes(String name) {
    try (var in = new ClassPathResource(name).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("gmp-idp-1").generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path pem(RSAKey key) {
    try {
      Path file = Files.createTempFile("issuer-", ".pem");
      String body =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(key.toRSAPublicKey().getEncoded());
      Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
      return file;
    } catch (IOException | com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
