package uk.police.missing.graph.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A Neo4j Community server running inside this JVM, reachable only over Bolt.
 *
 * <p>Nothing in the service uses the embedded Java API: callers take {@link #boltUri()} and talk
 * to it through the driver, so the code path is the one used against an external server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

  private final DatabaseManagementService dbms;
  private final URI boltUri;

  private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri) {
    this.dbms = dbms;
    this.boltUri = boltUri;
  }

  /**
   * Starts a server keeping its store in {@code dataDirectory}.
   *
   * @param listenAddress the interface Bolt listens on; keep it a loopback address, the server has
   *     no authentication
   * @param boltPort the Bolt port, 0 for any free port
   * @param pageCacheBytes the page cache size; Neo4j's default would take half the machine
   */
  public static EmbeddedNeo4j start(
      Path dataDirectory, String listenAddress, int boltPort, long pageCacheBytes) {
    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(dataDirectory.toAbsolutePath())
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress(listenAddress, boltPort))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            // Boot's Netty 4.2 cannot serve Neo4j 5.26's in-JVM local connector; we use Bolt only.
            .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
            // Neo4j's HTTP stack clashes with the versions Spring Boot manages and is not needed.
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
            .build();
    try {
      GraphDatabaseAPI db =
          (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      var bound =
          db.getDependencyResolver()
              .resolveDependency(ConnectorPortRegister.class)
              .getLocalAddress(ConnectorType.BOLT);
      return new EmbeddedNeo4j(
          dbms, URI.create("bolt://" + bound.getHost() + ":" + bound.getPort()));
    } catch (RuntimeException e) {
      dbms.shutdown();
      throw e;
    }
  }

  /** Where the driver reaches this server, e.g. {@code bolt://localhost:7687}. */
  public URI boltUri() {
    return boltUri;
  }

  @Override
  public void close() {
    dbms.shutdown();
  }
}
