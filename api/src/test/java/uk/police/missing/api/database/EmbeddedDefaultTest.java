package uk.police.missing.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import uk.police.missing.api.MissingChildrenApplication;
import uk.police.missing.graph.embedded.EmbeddedNeo4j;

/**
 * The default runtime: no {@code spring.neo4j.uri}, so the service starts its own Neo4j, keeps
 * the store in the configured folder across restarts, and serves Bolt on localhost for tools.
 */
class EmbeddedDefaultTest {

  @TempDir Path data;

  @Test
  void startsItsOwnNeo4jKeepsDataAcrossRestartsAndServesBoltOnLocalhost() throws Exception {
    Path store = data.resolve("neo4j");
    try (var app = start(store)) {
      assertThat(app.getBean(EmbeddedNeo4j.class).boltUri().getHost())
          .isIn("localhost", "127.0.0.1");
      var lines =
          new String(
                  new ClassPathResource("contract/valid.ndjson").getInputStream().readAllBytes())
              .lines()
              .toList();
      // The development issuer's demo case systems, each sending its own force's records.
      JsonNode gmp = push(app, "gmp-case-system", "dev-only-gmp-secret", lines.get(0) + "\n" + lines.get(1));
      JsonNode wmp = push(app, "wmp-case-system", "dev-only-wmp-secret", lines.get(2));
      assertThat(gmp.get("totals").get("accepted").asInt()).isEqualTo(2);
      assertThat(wmp.get("totals").get("accepted").asInt()).isEqualTo(1);

      // Another client, such as cypher-shell, can attach over Bolt while the service runs.
      try (var driver =
          GraphDatabase.driver(app.getBean(EmbeddedNeo4j.class).boltUri(), AuthTokens.none())) {
        long episodes =
            driver
                .executableQuery("MATCH (e:MissingEpisode) RETURN count(e) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
        assertThat(episodes).isEqualTo(2);
      }
    }
    assertThat(Files.list(store).findAny()).isPresent();

    try (var app = start(store)) {
      Map<String, Object> episode =
          HttpSyncGraphQlClient.create(
                  RestClient.builder()
                      .baseUrl("http://localhost:" + port(app) + "/graphql")
                      .defaultHeader(
                          "Authorization",
                          "Bearer " + token(app, "analyst", "dev-only-analyst-secret"))
                      .defaultHeader("X-Purpose", "TEST/EMBEDDED/1")
                      .build())
              .document(
                  "{ episode(force: \"GMP\", episodeRef: \"GMP/2026/0113\") { recordVersion status } }")
              .retrieveSync("episode")
              .toEntity(new org.springframework.core.ParameterizedTypeReference<>() {});
      assertThat(episode).containsEntry("recordVersion", 2).containsEntry("status", "FOUND");
    }
  }

  private static ConfigurableApplicationContext start(Path store) {
    // Command-line arguments, as an operator would pass them; they override application.yaml.
    return new SpringApplicationBuilder(MissingChildrenApplication.class)
        .run(
            "--server.port=0",
            "--missing.embedded-neo4j.data-directory=" + store,
            "--missing.embedded-neo4j.bolt-port=0",
            "--missing.embedded-neo4j.page-cache=64MB");
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  private static RestClient http(ConfigurableApplicationContext app) {
    return RestClient.create("http://localhost:" + port(app));
  }

  private static JsonNode push(
      ConfigurableApplicationContext app, String client, String secret, String body) {
    return http(app)
        .post()
        .uri("/api/v1/episodes")
        .header("Authorization", "Bearer " + token(app, client, secret))
        .contentType(MediaType.parseMediaType("application/x-ndjson"))
        .body(body)
        .retrieve()
        .body(JsonNode.class);
  }

  private static String token(ConfigurableApplicationContext app, String client, String secret) {
    var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
    form.add("grant_type", "client_credentials");
    return http(app)
        .post()
        .uri("/oauth2/token")
        .headers(h -> h.setBasicAuth(client, secret))
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form)
        .retrieve()
        .body(JsonNode.class)
        .get("access_token")
        .stringValue();
  }
}
