package uk.police.missing.graph.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;

/** Analysts' review of possible matches: the queue, and decisions that beat the automatic rule. */
public final class MatchReview {

  /** One page of possible matches, ordered by confidence (highest first), then id. */
  public record Page(List<Map<String, Object>> matches, boolean hasNext, long totalCount) {}

  private static final String VIEW =
      """
      m {.id, .confidence, .reasons, .status, .kind, .decidedBy, .decidedAt, .decisionReason,
         entityIds: COLLECT { MATCH (m)-[:BETWEEN]->()-[:RECORD_OF]->(e) RETURN DISTINCT e.id ORDER BY e.id }}
      """;

  private static final String PAGE =
      """
      MATCH (m:PossibleMatch {status: $status})
      WHERE $afterConfidence IS NULL
         OR m.confidence < $afterConfidence
         OR (m.confidence = $afterConfidence AND m.id > $afterId)
      WITH m ORDER BY m.confidence DESC, m.id LIMIT $limit
      RETURN %s AS match
      """
          .formatted(VIEW);

  private static final String COUNT =
      "MATCH (m:PossibleMatch {status: $status}) RETURN count(m) AS n";

  private static final String DECIDE =
      """
      MATCH (m:PossibleMatch {id: $id})
      SET m.status = $status, m.decidedBy = $by, m.decidedAt = datetime(),
          m.decisionReason = $reason
      WITH m
      MATCH (m)-[:BETWEEN]->(r)
      RETURN collect(elementId(r)) AS records
      """;

  private static final String ONE = "MATCH (m:PossibleMatch {id: $id}) RETURN %s AS match".formatted(VIEW);

  private final Driver driver;
  private final Neo4jClient neo4j;
  private final SessionConfig session;

  public MatchReview(Driver driver, Neo4jClient neo4j, String database) {
    this.driver = driver;
    this.neo4j = neo4j;
    var config = SessionConfig.builder();
    if (database != null && !database.isBlank()) {
      config.withDatabase(database);
    }
    this.session = config.build();
  }

  /** A page of matches with the given status after the (confidence, id) cursor, if any. */
  public Page page(String status, int first, Double afterConfidence, String afterId) {
    Map<String, Object> params = new HashMap<>();
    params.put("status", status);
    params.put("afterConfidence", afterConfidence);
    params.put("afterId", afterId == null ? "" : afterId);
    params.put("limit", first + 1);
    List<Map<String, Object>> rows = list(PAGE, params);
    long total =
        neo4j.query(COUNT).bind(status).to("status").fetchAs(Long.class).one().orElse(0L);
    return new Page(rows.subList(0, Math.min(first, rows.size())), rows.size() > first, total);
  }

  /** One match by id. */
  public Optional<Map<String, Object>> match(String id) {
    return list(ONE, Map.of("id", id)).stream().findFirst();
  }

  /**
   * Records a decision and re-resolves the two records at once, in one transaction: a confirmed
   * pair becomes one entity, a rejected pair is kept apart even if a shared key would join it.
   *
   * @return false when there is no such match
   */
  public boolean decide(String id, boolean confirm, String reason, String decidedBy) {
    try (var s = driver.session(session)) {
      return s.executeWrite(
          tx -> {
            var result =
                tx.run(
                        DECIDE,
                        Map.of(
                            "id", id,
                            "status", confirm ? "CONFIRMED" : "REJECTED",
                            "by", decidedBy,
                            "reason", reason))
                    .list();
            // An aggregate answers one row even when nothing matched: no records, no match.
            List<String> records = result.get(0).get("records").asList(Value::asString);
            if (records.isEmpty()) {
              return false;
            }
            IdentityResolver.resolve(tx, records, IdentityResolver.entitiesOf(tx, records));
            return true;
          });
    }
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> list(String cypher, Map<String, Object> params) {
    return neo4j
        .query(cypher)
        .bindAll(params)
        .fetchAs(Map.class)
        .mappedBy((types, record) -> record.get("match").asMap())
        .all()
        .stream()
        .map(m -> (Map<String, Object>) m)
        .toList();
  }
}
