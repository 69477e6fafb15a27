package uk.police.missing.graph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;
import uk.police.missing.graph.embedded.EmbeddedNeo4j;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.graph.schema.GraphSchema;

/**
 * The one Neo4j every test in a JVM shares, reached only through Bolt.
 *
 * <p>Which server: {@code -Dmissing.test.neo4j-uri=neo4j://host:port} (or the environment variable
 * {@code MISSING_TEST_NEO4J_URI}) points the suite at an external server; otherwise, where a
 * Docker engine answers, a Testcontainers Neo4j 5.26; otherwise an in-process server. The choice
 * is printed once so a run says what it tested against. The URI handed out uses the {@code
 * neo4j://} routing scheme, the one a cluster needs, so the suite proves that path too.
 */
public final class TestNeo4j {

  private static URI uri;
  private static Driver driver;

  private TestNeo4j() {}

  /** The Bolt URI of the shared test server, started (and migrated) on first use. */
  public static synchronized URI uri() {
    if (uri == null) {
      uri = start();
      driver = GraphDatabase.driver(uri, AuthTokens.none());
      new GraphSchema(driver, ForceCatalogue.national(), null).migrate();
    }
    return uri;
  }

  /** A driver on the shared server; closed when the JVM ends. */
  public static synchronized Driver driver() {
    uri();
    return driver;
  }

  /**
   * Deletes every node but the seeded forces, the migration history and the audit trail. The
   * audit chain's head is made by a migration and the service never recreates it, so deleting it
   * here would make every later append in the JVM fail; tests of the trail use {@link
   * #resetAuditTrail()}.
   */
  public static void deleteEpisodeData() {
    // CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run gives one.
    try (var session = driver().session()) {
      session
          .run(
              """
              MATCH (n) WHERE NOT n:Force AND NOT n:__Neo4jMigration AND NOT n:__Neo4jMigrationsLock
                AND NOT n:AuditChain AND NOT n:AuditRecord AND NOT n:AuditSubject
              CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
              """)
          .consume();
    }
  }

  /**
   * Empties the audit trail and puts its head back at genesis (sequence 0, 64 zeros), as the
   * migration leaves it; recreates the head if a test deleted it.
   */
  public static void resetAuditTrail() {
    try (var session = driver().session()) {
      session
          .run(
              """
              MATCH (n) WHERE n:AuditRecord OR n:AuditSubject
              CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
              """)
          .consume();
      session
          .run(
              """
              MERGE (head:AuditChain {id: 'main'})
              SET head = {id: 'main', lastSequence: 0, lastHash: $genesis}
              """,
              Map.of("genesis", "0".repeat(64)))
          .consume();
    }
  }

  private static URI start() {
    String external =
        System.getProperty("missing.test.neo4j-uri", System.getenv("MISSING_TEST_NEO4J_URI"));
    if (external != null && !external.isBlank()) {
      System.err.println("[TestNeo4j] external Neo4j at " + external);
      return URI.create(external);
    }
    if (dockerAvailable()) {
      var container = new Neo4jContainer("neo4j:5.26").withoutAuthentication();
      container.start();
      System.err.println("[TestNeo4j] Testcontainers Neo4j at " + container.getBoltUrl());
      return routing(URI.create(container.getBoltUrl()));
    }
    try {
      Path dir = Files.createTempDirectory("missing-test-neo4j");
      var server = EmbeddedNeo4j.start(dir, "localhost", 0, 128L * 1024 * 1024);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile());
                  }));
      System.err.println(
          "[TestNeo4j] no Docker engine: in-process Neo4j at " + server.boltUri() + " in " + dir);
      return routing(server.boltUri());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URI routing(URI bolt) {
    return URI.create("neo4j://" + bolt.getHost() + ":" + bolt.getPort());
  }

  // Asking Testcontainers directly logs an ERROR block on machines without Docker; look first.
  private static boolean dockerAvailable() {
    boolean hint =
        System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    return hint && DockerClientFactory.instance().isDockerAvailable();
  }
}
