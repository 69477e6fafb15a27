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
      String body =
          new String(
              new ClassPathResource("contract/valid.ndjson").getInputStream().readAllBytes());
      JsonNode report =
          http(app)
              .post()
              .uri("/api/v1/episodes")
              .contentType(MediaType.parseMediaType("application/x-ndjson"))
              .body(body)
              .retrieve()
              .body(JsonNode.class);
      assertThat(report.get("totals").get("accepted").asInt()).isEqualTo(3);

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
                  RestClient.create("http://localhost:" + port(app) + "/graphql"))
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
}
