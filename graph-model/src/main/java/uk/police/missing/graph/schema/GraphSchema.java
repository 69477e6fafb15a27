package uk.police.missing.graph.schema;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.springframework.data.neo4j.core.Neo4jClient;
import uk.police.missing.graph.force.ForceCatalogue;

/**
 * Brings a database, empty or not, to the schema this build expects and seeds the force list.
 *
 * <p>Migrations are applied through neo4j-migrations (Michael Simons), the library Neo4j's own
 * Spring integrations point to: it records applied versions and checksums in the database, so a
 * second start applies nothing and an edited, already-applied script stops the start-up. Most
 * migrations are Cypher scripts in {@code neo4j/migrations}; those that must reuse the Java rules
 * of ingest are classes in {@code uk.police.missing.graph.schema.migrations}, applied in the same
 * version order.
 */
public final class GraphSchema {

  // Rebuilding the place words index of ten years of national data takes minutes, not hours.
  private static final Duration INDEX_WAIT = Duration.ofHours(1);

  private final Driver driver;
  private final ForceCatalogue forces;
  private final String database;

  /**
   * @param database the database to migrate, or null/blank for the server's default database;
   *     it must be the one the service reads and writes
   */
  public GraphSchema(Driver driver, ForceCatalogue forces, String database) {
    this.driver = driver;
    this.forces = forces;
    this.database = database == null || database.isBlank() ? null : database;
  }

  /** Applies pending migrations and seeds forces; returns the schema version now in force. */
  public Optional<String> migrate() {
    var config =
        MigrationsConfig.builder()
            .withLocationsToScan("classpath:neo4j/migrations")
            .withPackagesToScan("uk.police.missing.graph.schema.migrations");
    if (database != null) {
      config.withDatabase(database);
    }
    var version = new Migrations(config.build(), driver).apply().map(Object::toString);
    forces.seed(Neo4jClient.create(driver), database);
    // An index a migration creates on a large store is filled in the background; the service
    // starts once they are all online, so no question fails on one still being filled.
    try (var session = driver.session(sessionConfig())) {
      session
          .run("CALL db.awaitIndexes($seconds)", Map.of("seconds", INDEX_WAIT.toSeconds()))
          .consume();
    }
    return version;
  }

  private SessionConfig sessionConfig() {
    return database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
  }
}
