package uk.police.missing.graph.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.graph.testing.TestNeo4j;

class GraphSchemaTest {

  @Test
  void secondMigrationAppliesNothingAndKeepsOneNodePerForce() {
    var driver = TestNeo4j.driver();
    new GraphSchema(driver, ForceCatalogue.national(), null).migrate();

    var forces =
        driver.executableQuery("MATCH (f:Force) RETURN count(f) AS n").execute().records();
    assertThat(forces.get(0).get("n").asInt()).isEqualTo(46);
    var constraints =
        driver
            .executableQuery("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
            .execute()
            .records();
    assertThat(constraints.get(0).get("names").asList(org.neo4j.driver.Value::asString))
        .contains("missing_episode_key", "place_record_key", "child_id")
        .doesNotContain("place_key");
  }

  @Test
  void dynamicRelationshipTypesAreAvailable() {
    var result =
        TestNeo4j.driver()
            .executableQuery(
                "CREATE (a:Probe)-[r:$($t)]->(b:Probe) WITH a, b, type(r) AS t DETACH DELETE a, b RETURN t")
            .withParameters(java.util.Map.of("t", "FOUND_AT"))
            .execute()
            .records();
    assertThat(result.get(0).get("t").asString()).isEqualTo("FOUND_AT");
  }
}
