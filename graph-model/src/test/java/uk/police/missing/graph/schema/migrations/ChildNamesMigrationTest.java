package uk.police.missing.graph.schema.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import uk.police.missing.graph.testing.TestNeo4j;

/**
 * V0018 gives the children of a store written before the match model their name and blocking
 * keys, and lists the possible matches those keys find. Names and references are invented.
 */
class ChildNamesMigrationTest {

  // Two forces' records of one child, written Cal and Callum, as a store before V0018 holds
  // them (the old name keys only, which do not meet); and a record only a withdrawn episode names.
  private static final String OLD_STORE =
      """
      UNWIND $children AS c
      CREATE (e:MissingEpisode {key: c.key + '|E', withdrawn: c.withdrawn})
      CREATE (r:ChildRecord {key: c.key, givenName: c.given, familyName: 'Quillfeather',
                             dateOfBirth: date('2010-10-29'), sex: 'MALE',
                             identityKeys: c.identity, matchKeys: c.match})
      CREATE (e)-[:CONCERNS {givenName: c.given, familyName: 'Quillfeather',
                             dateOfBirth: date('2010-10-29'), sex: 'MALE',
                             matchKeys: ['child:name-born:2010|' + toLower(c.given) + '|quillfeather']}]->(r)
      CREATE (r)-[:RECORD_OF]->(:Child {id: c.key})
      """;

  @BeforeEach
  void oldStore() {
    TestNeo4j.deleteEpisodeData();
    TestNeo4j.driver()
        .executableQuery(OLD_STORE)
        .withParameters(
            Map.of(
                "children",
                List.of(
                    child("GMP|C-1", "Callum", false),
                    child("WMP|C-2", "Cal", false),
                    Map.of("key", "LAN|C-3", "given", "Cal", "withdrawn", true,
                        "identity", List.of(), "match", List.of()))))
        .execute();
  }

  @Test
  void recordsAndMentionsGetNameAndBlockingKeysAndThePairIsListed() {
    migrate(1);

    var rows = query(
        "MATCH (e)-[c:CONCERNS]->(r:ChildRecord) RETURN r.key AS key, r.nameKeys AS names,"
            + " r.matchKeys AS keys, c.nameKeys AS mentionNames, c.matchKeys AS mentionKeys ORDER BY key");
    var callum = rows.get(0);
    assertThat(callum.get("names").asList(Value::asString))
        .containsExactly("given:callum", "family:quillfeather");
    assertThat(callum.get("keys").asList(Value::asString))
        .contains("child:form-born:2010|callum|KLFR0R".replace("KLFR0R", sound("quillfeather")));
    assertThat(callum.get("mentionKeys").asList(Value::asString))
        .isEqualTo(callum.get("keys").asList(Value::asString));
    // The withdrawn-only record gets its names, and keeps no match keys, as ingest leaves it.
    var withdrawn = rows.get(1);
    assertThat(withdrawn.get("key").asString()).isEqualTo("LAN|C-3");
    assertThat(withdrawn.get("names").asList(Value::asString)).contains("given:cal");
    assertThat(withdrawn.get("keys").asList(Value::asString)).isEmpty();

    var matches = query(
        "MATCH (m:PossibleMatch {kind: 'CHILD'})-[:BETWEEN]->(r) WITH m, collect(r.key) AS keys"
            + " RETURN m.reasons AS reasons, keys");
    assertThat(matches).hasSize(1);
    assertThat(matches.get(0).get("keys").asList(Value::asString))
        .containsExactlyInAnyOrder("GMP|C-1", "WMP|C-2");
    assertThat(matches.get(0).get("reasons").asList(Value::asString))
        .contains("given names: Cal is a short form of Callum");
  }

  @Test
  void runningItAgainChangesNothing() {
    migrate(2);
    var before = query("MATCH (n) WHERE n:ChildRecord OR n:PossibleMatch OR n:NameKey OR n:MatchKey"
        + " RETURN n.key AS key, n.id AS id, n.value AS value, n.matchKeys AS keys ORDER BY key, value");

    migrate(2);

    assertThat(query("MATCH (n) WHERE n:ChildRecord OR n:PossibleMatch OR n:NameKey OR n:MatchKey"
        + " RETURN n.key AS key, n.id AS id, n.value AS value, n.matchKeys AS keys ORDER BY key, value"))
        .isEqualTo(before);
  }

  private static Map<String, Object> child(String key, String given, boolean withdrawn) {
    return Map.of("key", key, "given", given, "withdrawn", withdrawn,
        "identity", List.of("child:dob-name:2010-10-29|" + given.toLowerCase() + "|quillfeather"),
        "match", List.of("child:name-born:2010|" + given.toLowerCase() + "|quillfeather"));
  }

  private static String sound(String name) {
    return uk.police.missing.graph.linkage.ChildBlocking.sound(name);
  }

  private static List<org.neo4j.driver.Record> query(String cypher) {
    return TestNeo4j.driver().executableQuery(cypher).execute().records();
  }

  private static void migrate(int batchSize) {
    new V0018__Child_names_and_blocking_keys_for_a_store_written_before_them(batchSize)
        .run(TestNeo4j.driver(), SessionConfig.defaultConfig());
  }
}
