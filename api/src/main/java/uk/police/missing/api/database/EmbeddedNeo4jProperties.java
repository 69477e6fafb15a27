package uk.police.missing.api.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The in-process Neo4j, used when {@code spring.neo4j.uri} is not set.
 *
 * @param dataDirectory where the store lives across restarts; one process at a time may use it
 * @param listenAddress the interface Bolt listens on; the server has no authentication, so keep
 *     it a loopback address
 * @param boltPort the Bolt port (0 for any free port), for Neo4j Browser or cypher-shell
 * @param pageCache Neo4j's page cache; its own default would take half the machine's memory
 */
@Validated
@ConfigurationProperties("missing.embedded-neo4j")
public record EmbeddedNeo4jProperties(
    @NotNull @DefaultValue("./data/neo4j") Path dataDirectory,
    @NotBlank @DefaultValue("localhost") String listenAddress,
    @Min(0) @Max(65535) @DefaultValue("7687") int boltPort,
    @NotNull @DefaultValue("512MB") DataSize pageCache) {}
