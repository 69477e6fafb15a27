package uk.police.missing.graph.testing;

import java.util.List;
import org.neo4j.driver.Driver;

/**
 * A canonical text dump of the episode graph, for comparing two graphs for equality.
 *
 * <p>The audit trail is left out: it grows with every request, so two runs that write the same
 * episodes would otherwise never dump the same.
 *
 * <p>Nodes are named by their natural key, never by element id; resolved entities (which have
 * only a generated id) are named by the keys of the records or mentions that lead to them. The
 * values that depend on when or in which order a record arrived (receipt time, generated ids)
 * are left out, so two graphs that hold the same facts dump the same.
 */
public final class GraphDump {

  private GraphDump() {}

  /** Every node and relationship with its properties, one sorted line each. */
  public static String of(Driver driver) {
    List<String> nodes =
        driver
            .executableQuery(
                """
                MATCH (n) WHERE NOT n:__Neo4jMigration AND NOT n:__Neo4jMigrationsLock
                  AND NOT n:AuditChain AND NOT n:AuditRecord AND NOT n:AuditSubject
                RETURN %s AS name, labels(n) AS labels,
                       properties(n) AS props
                """
                    .formatted(NAME.replace("$n", "n")))
            .execute()
            .records()
            .stream()
            .map(
                r ->
                    r.get("name").asString()
                        + " "
                        + r.get("labels").asList(org.neo4j.driver.Value::asString)
                        + " "
                        + props(r.get("props")))
            .sorted()
            .toList();
    List<String> relationships =
        driver
            .executableQuery(
                """
                MATCH (a)-[r]->(b)
                WHERE NOT a:__Neo4jMigration AND NOT a:__Neo4jMigrationsLock AND NOT a:AuditRecord
                RETURN %s AS from, type(r) AS type, %s AS to,
                       properties(r) AS props
                """
                    .formatted(NAME.replace("$n", "a"), NAME.replace("$n", "b")))
            .execute()
            .records()
            .stream()
            .map(
                r ->
                    r.get("from").asString()
                        + " -"
                        + r.get("type").asString()
                        + "-> "
                        + r.get("to").asString()
                        + " "
                        + props(r.get("props")))
            .sorted()
            .toList();
    return String.join("\n", nodes) + "\n--\n" + String.join("\n", relationships);
  }

  private static String props(org.neo4j.driver.Value props) {
    return new java.util.TreeMap<>(props.asMap()).entrySet().stream()
        .filter(e -> !IGNORED.contains(e.getKey()))
        .map(e -> e.getKey() + "=" + e.getValue())
        .toList()
        .toString();
  }

  // Generated ids (and an episode's copy of its child's, childId) and receipt times depend on
  // when and in which order records arrived; whether childId names the right child is checked
  // after every API test instead (ApiTest.episodesNameTheirChild).
  private static final java.util.Set<String> IGNORED = java.util.Set.of("id", "childId", "receivedAt");

  private static final String NAME =
      """
      coalesce($n.key, $n.code, $n.value,
        'resolved<-' + reduce(s = '', k IN COLLECT { MATCH (rec)-[:RECORD_OF]->($n) RETURN rec.key ORDER BY rec.key } | s + k + ';'))
      """;
}
