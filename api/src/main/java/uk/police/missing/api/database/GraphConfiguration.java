package uk.police.missing.api.database;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Logging;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.Neo4jClient;
import uk.police.missing.graph.area.AreaDirectory;
import uk.police.missing.graph.audit.AuditLog;
import uk.police.missing.graph.episode.EpisodeQueries;
import uk.police.missing.graph.episode.EpisodeWriter;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.graph.identity.MatchReview;
import uk.police.missing.graph.identity.ProbablePeople;
import uk.police.missing.graph.intelligence.ConcernRankings;
import uk.police.missing.graph.intelligence.Corridors;
import uk.police.missing.graph.intelligence.EpisodeLists;
import uk.police.missing.graph.intelligence.InterviewGaps;
import uk.police.missing.graph.intelligence.IntelligenceQueries;
import uk.police.missing.graph.intelligence.LinkChartQueries;
import uk.police.missing.graph.place.PlaceSearch;
import uk.police.missing.graph.schema.GraphSchema;

/** The graph's readers and writers, available only once the schema is migrated. */
@Configuration(proxyBeanMethods = false)
class GraphConfiguration {

  /** Marks that migrations have run; beans that touch the graph take it as a dependency. */
  record MigratedGraph(String version) {}

  /**
   * The driver logs through SLF4J, like the rest of the service. Its default, the JDK's
   * System.Logger, formats every debug message before asking whether debug is on, and under
   * Spring Boot's JUL bridge it is: each statement's parameters (a whole batch of records) were
   * turned into text and thrown away, about a twentieth of ingest's CPU.
   */
  @Bean
  ConfigBuilderCustomizer driverLoggingThroughSlf4j() {
    return config -> config.withLogging(Logging.slf4j());
  }

  @Bean
  ForceCatalogue forceCatalogue() {
    return ForceCatalogue.national();
  }

  @Bean
  MigratedGraph migratedGraph(
      Driver driver,
      ForceCatalogue forces,
      @Value("${spring.data.neo4j.database:}") String database) {
    return new MigratedGraph(new GraphSchema(driver, forces, database).migrate().orElse("none"));
  }

  @Bean
  EpisodeWriter episodeWriter(
      Driver driver, MigratedGraph migrated, @Value("${spring.data.neo4j.database:}") String database) {
    return new EpisodeWriter(driver, database);
  }

  @Bean
  EpisodeQueries episodeQueries(Neo4jClient neo4jClient, MigratedGraph migrated) {
    return new EpisodeQueries(neo4jClient);
  }

  @Bean
  MatchReview matchReview(
      Driver driver,
      Neo4jClient neo4jClient,
      MigratedGraph migrated,
      @Value("${spring.data.neo4j.database:}") String database) {
    return new MatchReview(driver, neo4jClient, database);
  }

  @Bean
  LinkChartQueries linkChartQueries(Neo4jClient neo4jClient, MigratedGraph migrated) {
    return new LinkChartQueries(neo4jClient);
  }

  @Bean
  AuditLog auditLog(
      Driver driver, MigratedGraph migrated, @Value("${spring.data.neo4j.database:}") String database) {
    return new AuditLog(driver, database);
  }

  @Bean
  AreaDirectory areaDirectory() {
    return AreaDirectory.national();
  }

  @Bean
  ProbablePeople probablePeople(Neo4jClient neo4jClient, MigratedGraph migrated) {
    return new ProbablePeople(neo4jClient);
  }

  @Bean
  ConcernRankings concernRankings(
      Neo4jClient neo4jClient, ProbablePeople probable, MigratedGraph migrated) {
    return new ConcernRankings(neo4jClient, probable);
  }

  @Bean
  EpisodeLists episodeLists(Neo4jClient neo4jClient, MigratedGraph migrated) {
    return new EpisodeLists(neo4jClient);
  }

  @Bean
  Corridors corridors(Neo4jClient neo4jClient, MigratedGraph migrated) {
    return new Corridors(neo4jClient);
  }

  @Bean
  InterviewGaps interviewGaps(Neo4jClient neo4jClient, MigratedGraph migrated) {
    return new InterviewGaps(neo4jClient);
  }

  @Bean
  PlaceSearch placeSearch(Neo4jClient neo4jClient, MigratedGraph migrated) {
    return new PlaceSearch(neo4jClient);
  }

  @Bean
  IntelligenceQueries intelligenceQueries(Neo4jClient neo4jClient, MigratedGraph migrated) {
    return new IntelligenceQueries(neo4jClient);
  }
}
