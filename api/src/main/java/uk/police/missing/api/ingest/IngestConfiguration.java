package uk.police.missing.api.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.police.missing.graph.episode.EpisodeWriter;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.ingest.episode.IngestProperties;
import uk.police.missing.ingest.episode.IngestService;
import uk.police.missing.ingest.validation.EpisodeValidator;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

  @Bean
  EpisodeValidator episodeValidator(ForceCatalogue forces) {
    return new EpisodeValidator(forces.codes());
  }

  @Bean
  IngestService ingestService(
      EpisodeValidator validator, EpisodeWriter writer, IngestProperties properties) {
    return new IngestService(validator, writer, properties);
  }
}
