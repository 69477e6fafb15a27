package uk.police.missing.graph.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
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
    // V0016: place words are searched with their areas; the index without them is gone.
    var indexes =
        driver
            .executableQuery("SHOW FULLTEXT INDEXES YIELD name, state RETURN collect(name + ' ' + state) AS names")
            .execute()
            .records();
    assertThat(indexes.get(0).get("names").asList(Value::asString))
        .contains("place_record_search ONLINE")
        .noneMatch(name -> name.startsWith("place_record_words"));
  }

  @Test
  void aPlaceWrittenBeforePlaceRecordsKeepsItsIdItsMentionsAndItsKey() throws Exception {
    var driver = TestNeo4j.driver();
    TestNeo4j.deleteEpisodeData();
    driver
        .executableQuery(
            """
            CREATE (p:Place {key: 'addr:B12JP|2 WHARF ROAD', id: 'legacy-place'})
            CREATE (:MissingEpisode {key: 'GMP|E-1'})-[:FOUND_AT {name: 'Canal View Hotel'}]->(p)
            CREATE (:MissingEpisode {key: 'WMP|E-2'})-[:SIGHTED_AT {ordinal: 0}]->(p)
            """)
        .execute();
    runScript(driver, "/neo4j/migrations/V0008__Places_written_before_place_records.cypher");

    var row =
        driver
            .executableQuery(
                """
                MATCH (p:Place {id: 'legacy-place'})<-[:RECORD_OF]-(r:PlaceRecord)
                RETURN p.key AS key, r.identityKeys AS keys,
                       [(r)-[:HAS_KEY]->(k:IdentityKey) | k.value] AS keyNodes,
                       [(e:MissingEpisode)-[m]->(r) | e.key + ' ' + type(m) + ' ' + coalesce(m.name, m.ordinal)] AS mentions,
                       COUNT { (:MissingEpisode)-->(p) } AS leftOnPlace
                """)
            .execute()
            .records()
            .get(0);
    assertThat(row.get("key").isNull()).isTrue();
    assertThat(row.get("keys").asList(org.neo4j.driver.Value::asString))
        .containsExactly("place:addr:B12JP|2 WHARF ROAD");
    assertThat(row.get("keyNodes").asList(org.neo4j.driver.Value::asString))
        .containsExactly("place:addr:B12JP|2 WHARF ROAD");
    assertThat(row.get("mentions").asList(org.neo4j.driver.Value::asString))
        .containsExactlyInAnyOrder("GMP|E-1 FOUND_AT Canal View Hotel", "WMP|E-2 SIGHTED_AT 0");
    assertThat(row.get("leftOnPlace").asLong()).isZero();
    TestNeo4j.deleteEpisodeData();
  }

  @Test
  void aChildWrittenBeforeDateOfBirthMatchKeysGetsThemOnItsRecordMentionsAndKeyNodes() throws Exception {
    var driver = TestNeo4j.driver();
    TestNeo4j.deleteEpisodeData();
    driver
        .executableQuery(
            """
            CREATE (r:ChildRecord {key: 'GMP|C-1', dateOfBirth: date('2010-07-19'),
                                   matchKeys: ['child:name:kayla|oneill']})
            CREATE (:MissingEpisode {key: 'GMP|E-1'})-[:CONCERNS {dateOfBirth: date('2010-07-19'),
                      matchKeys: ['child:name:kayla|oneill']}]->(r)
            CREATE (:MissingEpisode {key: 'GMP|E-0'})-[:CONCERNS {dateOfBirth: date('2010-01-01'),
                      dateOfBirthEstimated: true, matchKeys: ['child:name:kay|oneill']}]->(r)
            CREATE (r)-[:HAS_MATCH_KEY]->(:MatchKey {value: 'child:name:kayla|oneill'})
            """)
        .execute();

    runScript(driver, "/neo4j/migrations/V0009__Child_match_keys_with_the_date_of_birth.cypher");

    var row =
        driver
            .executableQuery(
                """
                MATCH (r:ChildRecord {key: 'GMP|C-1'})
                RETURN r.matchKeys AS keys,
                       COLLECT { MATCH (r)-[:HAS_MATCH_KEY]->(k) RETURN k.value } AS keyNodes,
                       COUNT { (k:MatchKey) WHERE k.value STARTS WITH 'child:name:' } AS oldKeys
                """)
            .execute()
            .records()
            .get(0);
    var expected = List.of("child:name-born:2010|kayla|oneill", "child:name-birthday:07-19|kayla|oneill");
    assertThat(row.get("keys").asList(Value::asString)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(row.get("keyNodes").asList(Value::asString)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(row.get("oldKeys").asLong()).isZero();
    var mentions =
        driver
            .executableQuery("MATCH (e)-[m:CONCERNS]->(:ChildRecord) RETURN e.key AS episode, m.matchKeys AS keys")
            .execute()
            .records();
    assertThat(mentions)
        .extracting(r -> r.get("episode").asString() + " " + r.get("keys").asList(Value::asString).stream().sorted().toList())
        .containsExactlyInAnyOrder(
            "GMP|E-1 [child:name-birthday:07-19|kayla|oneill, child:name-born:2010|kayla|oneill]",
            "GMP|E-0 [child:name-born:2009|kay|oneill, child:name-born:2010|kay|oneill, child:name-born:2011|kay|oneill]");

    // A second run finds nothing to do and keeps the new keys.
    runScript(driver, "/neo4j/migrations/V0009__Child_match_keys_with_the_date_of_birth.cypher");
    assertThat(
            driver.executableQuery("MATCH (r:ChildRecord {key: 'GMP|C-1'}) RETURN r.matchKeys AS keys")
                .execute().records().get(0).get("keys").asList(Value::asString))
        .containsExactlyInAnyOrderElementsOf(expected);
    TestNeo4j.deleteEpisodeData();
  }

  @Test
  void aPlaceWrittenBeforeSightingsWereCountedGetsThemFromItsRecords() throws Exception {
    var driver = TestNeo4j.driver();
    TestNeo4j.deleteEpisodeData();
    driver
        .executableQuery(
            """
            CREATE (p:Place {id: 'counted-place'})
            CREATE (a:PlaceRecord {key: 'a'})-[:RECORD_OF]->(p)
            CREATE (b:PlaceRecord {key: 'b'})-[:RECORD_OF]->(p)
            CREATE (:MissingEpisode {key: 'E-1'})-[:FOUND_AT]->(a)
            CREATE (:MissingEpisode {key: 'E-2'})-[:SIGHTED_AT]->(a)
            CREATE (:MissingEpisode {key: 'E-3', withdrawn: true})-[:LAST_SEEN_AT]->(b)
            CREATE (:MissingEpisode {key: 'E-4'})-[:HOME_PLACE]->(b)
            CREATE (:Place {id: 'unnamed-place'})
            """)
        .execute();

    runScript(driver, "/neo4j/migrations/V0011__Count_place_sightings.cypher");

    var counts =
        driver
            .executableQuery("MATCH (p:Place) RETURN p.id AS id, p.sightings AS sightings ORDER BY id")
            .execute()
            .records();
    assertThat(counts)
        .extracting(r -> r.get("id").asString() + " " + r.get("sightings").asLong())
        .as("last seen, sighted and found count, withdrawn too; a home address does not")
        .containsExactly("counted-place 3", "unnamed-place 0");
    TestNeo4j.deleteEpisodeData();
  }

  @Test
  void anEpisodeWrittenBeforeEpisodesNamedTheirChildGetsItsChildsIdOnce() throws Exception {
    var driver = TestNeo4j.driver();
    TestNeo4j.deleteEpisodeData();
    driver
        .executableQuery(
            """
            CREATE (:MissingEpisode {key: 'GMP|E-1', withdrawn: false})
                   -[:CONCERNS]->(:ChildRecord {key: 'GMP|C-1'})-[:RECORD_OF]->(:Child {id: 'child-1'})
            CREATE (:MissingEpisode {key: 'GMP|E-2', withdrawn: false, childId: 'kept'})
                   -[:CONCERNS]->(:ChildRecord {key: 'GMP|C-2'})-[:RECORD_OF]->(:Child {id: 'child-2'})
            """)
        .execute();

    runScript(driver, "/neo4j/migrations/V0014__Episodes_name_their_child.cypher");
    runScript(driver, "/neo4j/migrations/V0014__Episodes_name_their_child.cypher");

    var ids =
        driver
            .executableQuery("MATCH (e:MissingEpisode) RETURN e.key AS key, e.childId AS child ORDER BY key")
            .execute()
            .records();
    assertThat(ids.stream().map(r -> r.get("key").asString() + "=" + r.get("child").asString()).toList())
        .containsExactly("GMP|E-1=child-1", "GMP|E-2=kept");
  }

  // CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run gives one.
  private void runScript(org.neo4j.driver.Driver driver, String resource) throws Exception {
    String script;
    try (var in = getClass().getResourceAsStream(resource)) {
      script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    try (var session = driver.session()) {
      session.run(script.replaceAll("(?m)^//.*$", "").strip().replaceFirst(";$", "")).consume();
    }
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
