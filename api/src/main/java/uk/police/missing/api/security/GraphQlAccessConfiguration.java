package uk.police.missing.api.security;

import java.util.List;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the field access checks into the schema as it is built. */
@Configuration(proxyBeanMethods = false)
class GraphQlAccessConfiguration {

  @Bean
  GraphQlSourceBuilderCustomizer accessCheckedFields() {
    return builder -> builder.typeVisitors(List.of(new AccessCheckedFields()));
  }
}
