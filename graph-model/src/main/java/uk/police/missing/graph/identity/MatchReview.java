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

  /**
   * One page of possible matches, most likely first, then most of concern (the children their
   * records are linked to), then id.
   */
  public record Page(List<Map<String, Object>> matches, long totalCount) {}

  /**
   * Which matches to list; absent parts filter nothing.
   *
   * @param status OPEN, CONFIRMED or REJECTED
   * @param kind CHILD, PERSON or PLACE
   * @param forces matches with a record of one of these forces (for places: a way of writing it
   *     that one of them used for a sighting)
   * @param minConfidence at least this confidence
   * @param reason a reason containing these words, case set aside
   */
  public record Filter(
      String status, String kind, List<String> forces, Double minConfidence, String reason) {}

  // How much of concern a pair is: the children the episodes naming either record are about.
  private static final String CHILDREN =
      """
      COUNT {
        MATCH (m)-[:BETWEEN]->()<-[:CONCERNS|INVOLVES|LAST_SEEN_AT|SIGHTED_AT|FOUND_AT]-(e:MissingEpisode)
        WHERE NOT coalesce(e.withdrawn, false)
        RETURN DISTINCT e.childId
      }""";

  private static final String VIEW =
      """
      m {.id, .confidence, .reasons, .status, .kind, .decidedBy, .decidedAt, .decisionReason,
         childCount: %s,
         entityIds: COLLECT { MATCH (m)-[:BETWEEN]->()-[:RECORD_OF]->(e) RETURN DISTINCT e.id ORDER BY e.id }}
      """
          .formatted(CHILDREN);

  private static final String FILTERED =
      """
      MATCH (m:PossibleMatch {status: $status})
      WHERE ($kind IS NULL OR m.kind = $kind)
        AND ($minConfidence IS NULL OR m.confidence >= $minConfidence)
        AND ($reason IS NULL OR any(x IN m.reasons WHERE toLower(x) CONTAINS $reason))
        AND ($forces IS NULL OR EXISTS {
              MATCH (m)-[:BETWEEN]->(r)
              WHERE r.force IN $forces OR any(f IN coalesce(r.sightingForces, []) WHERE f IN $forces) })
      """;

  private static final String PAGE =
      FILTERED
          + """
          WITH m, %s AS children
          ORDER BY m.confidence DESC, children DESC, m.id
          WITH collect(m) AS all
          UNWIND all[$offset..$end] AS m
          RETURN %s AS match
          """
              .formatted(CHILDREN, VIEW);

  private static final String COUNT = FILTERED + "RETURN count(m) AS n";

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

  /** The page of matches from {@code offset} that the filter lets through. */
  public Page page(Filter filter, int offset, int first) {
    Map<String, Object> params = new HashMap<>();
    params.put("status", filter.status());
    params.put("kind", filter.kind());
    params.put("forces", filter.forces() == null || filter.forces().isEmpty() ? null : filter.forces());
    params.put("minConfidence", filter.minConfidence());
    params.put(
        "reason",
        filter.reason() == null || filter.reason().isBlank()
            ? null
            : filter.reason().strip().toLowerCase(java.util.Locale.ROOT));
    params.put("offset", offset);
    params.put("end", offset + first);
    List<Map<String, Object>> rows = list(PAGE, params);
    long total = neo4j.query(COUNT).bindAll(params).fetchAs(Long.class).one().orElse(0L);
    return new Page(rows, total);
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
