package uk.police.missing.api.database;

import java.net.URI;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import uk.police.missing.graph.embedded.EmbeddedNeo4j;

/** Starts the in-process Neo4j when no external one is configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jConfiguration.NoExternalNeo4j.class)
class EmbeddedNeo4jConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties) {
    var server =
        EmbeddedNeo4j.start(
            properties.dataDirectory(),
            properties.listenAddress(),
            properties.boltPort(),
            properties.pageCache().toBytes());
    log.info(
        "in-process Neo4j listening at {} with its store in {}",
        server.boltUri(),
        properties.dataDirectory().toAbsolutePath().normalize());
    return server;
  }

  // Boot's own driver auto-configuration takes the URI from here, so the driver, its pool and
  // Spring Data Neo4j are set up exactly as for an external server.
  @Bean
  Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j server) {
    return new Neo4jConnectionDetails() {
      @Override
      public URI getUri() {
        return server.boltUri();
      }

      @Override
      public AuthToken getAuthToken() {
        return AuthTokens.none();
      }
    };
  }

  /** True when {@code spring.neo4j.uri} is unset or blank. */
  static final class NoExternalNeo4j implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.neo4j.uri"));
    }
  }
}
