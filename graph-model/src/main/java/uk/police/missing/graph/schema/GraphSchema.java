package uk.police.missing.graph.schema;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.springframework.data.neo4j.core.Neo4jClient;
import uk.police.missing.graph.force.ForceCatalogue;

/**
 * Brings a database, empty or not, to the schema this build expects and seeds the force list.
 *
 * <p>Migrations are applied through neo4j-migrations (Michael Simons), the library Neo4j's own
 * Spring integrations point to: it records applied versions and checksums in the database, so a
 * second start applies nothing and an edited, already-applied script stops the start-up.
 */
public final class GraphSchema {

  private final Driver driver;
  private final ForceCatalogue forces;

  public GraphSchema(Driver driver, ForceCatalogue forces) {
    this.driver = driver;
    this.forces = forces;
  }

  /** Applies pending migrations and seeds forces; returns the schema version now in force. */
  public Optional<String> migrate() {
    var migrations =
        new Migrations(
            MigrationsConfig.builder()
                .withLocationsToScan("classpath:neo4j/migrations")
                .withPackagesToScan(new String[0])
                .build(),
            driver);
    var version = migrations.apply().map(Object::toString);
    forces.seed(Neo4jClient.create(driver));
    return version;
  }
}
