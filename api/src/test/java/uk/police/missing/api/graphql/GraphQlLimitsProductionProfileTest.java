package uk.police.missing.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.Introspection;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.test.context.TestPropertySource;
import uk.police.missing.api.ApiTest;

/**
 * The production profile gives a stranger nothing about the API's shape.
 *
 * <p>Until sign-in lands (issue #4), this sets the same properties application-prod.yaml sets
 * instead of activating the profile, so that it does not depend on security;
 * {@link #setsWhatTheProductionProfileSets} keeps the two in line. Once security is in, activate
 * the real profile with {@code @ActiveProfiles("prod")} instead.
 */
@TestPropertySource(
    properties = {
      GraphQlLimitsProductionProfileTest.NO_GRAPHIQL,
      GraphQlLimitsProductionProfileTest.NO_INTROSPECTION,
      GraphQlLimitsProductionProfileTest.NO_SCHEMA_PRINTER
    })
class GraphQlLimitsProductionProfileTest extends ApiTest {

  static final String NO_GRAPHIQL = "spring.graphql.graphiql.enabled=false";
  static final String NO_INTROSPECTION = "spring.graphql.schema.introspection.enabled=false";
  static final String NO_SCHEMA_PRINTER = "spring.graphql.schema.printer.enabled=false";

  // Boot turns introspection off for the whole JVM (graphql-java's Introspection.enabledJvmWide),
  // not for this context alone; the other test contexts, cached in this JVM, expect it on.
  @AfterAll
  static void introspectionBackOnForTheOtherTestContexts() {
    Introspection.enabledJvmWide(true);
  }

  @Test
  void setsWhatTheProductionProfileSets() {
    var yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application-prod.yaml"));
    Properties prod = yaml.getObject();

    for (String setting : new String[] {NO_GRAPHIQL, NO_INTROSPECTION, NO_SCHEMA_PRINTER}) {
      String[] keyAndValue = setting.split("=", 2);
      assertThat(String.valueOf(prod.get(keyAndValue[0]))).as(keyAndValue[0]).isEqualTo(keyAndValue[1]);
    }
  }

  @Test
  void schemaAndTypeIntrospectionGiveNothingAway() {
    for (String document :
        new String[] {
          "{ __schema { queryType { name } types { name fields { name } } } }",
          "{ __type(name: \"Child\") { name fields { name } } }"
        }) {
      ClientGraphQlResponse response = graphQl().document(document).executeSync();

      assertThat(response.getErrors()).isNotEmpty();
      assertThat(String.valueOf(response.toMap().get("data"))).doesNotContain("Child", "timeline");
      assertThat(response.toMap().toString())
          .doesNotContain("timeline", "givenName", "placesOfConcern", "MissingEpisode");
    }
  }

  @Test
  void anUnknownFieldsErrorNamesNoOtherField() {
    ClientGraphQlResponse response =
        graphQl().document("{ child(id: \"any\") { givenNme } }").executeSync();

    assertThat(response.getErrors()).singleElement().satisfies(error -> {
      assertThat(error.getMessage()).contains("givenNme");
      assertThat(error.getMessage()).doesNotContain("givenName", "familyName", "Did you mean");
    });
    assertThat(response.toMap().toString()).doesNotContain("givenName", "Did you mean");
  }

  @Test
  void graphiqlIsNotServed() {
    assertThat(status("/graphiql")).isEqualTo(404);
  }

  @Test
  void theSchemaIsNotPrinted() {
    assertThat(status("/graphql/schema")).isEqualTo(404);
  }

  private int status(String path) {
    return http().get().uri(path).exchange((request, response) -> response.getStatusCode().value());
  }
}
