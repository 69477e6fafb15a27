package uk.police.missing.graph.intelligence;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Lists of episodes and of children by their episodes, under one {@link EpisodeFilter}: the
 * lists analysts start a day with ("every episode found in our area and reported elsewhere",
 * "children missing three times or more in the last 90 days").
 */
public final class EpisodeLists {

  /** How a list of children is ordered. */
  public enum ChildOrder {
    /** Most counting episodes first, then the latest report. */
    EPISODES,
    /** The latest report first, then most episodes. */
    LAST_REPORTED
  }

  /** A child with the episodes that put them on the list (keys, newest first). */
  public record ChildHit(
      String childId,
      long episodeCount,
      OffsetDateTime firstReportedAt,
      OffsetDateTime lastReportedAt,
      List<String> forceCodes,
      List<String> episodeKeys) {}

  private static final String COUNT_EPISODES =
      "MATCH (e:MissingEpisode) WHERE %s RETURN count(e) AS total";

  private static final String PAGE_OF_EPISODES =
      """
      MATCH (e:MissingEpisode) WHERE %s
      RETURN e.key AS key ORDER BY e.reportedAt DESC, e.key SKIP $offset LIMIT $first
      """;

  // Episodes are counted across forces; a force in the filter chooses the children (those it
  // holds a record of), not the episodes, so a child a force knows who went missing twice in
  // another force's area and once in its own counts three times. Each episode names its child
  // (childId), so a national window of tens of thousands of episodes is counted without leaving
  // the episodes; only the page's children have their episodes listed.
  private static final String CHILDREN =
      """
      MATCH (e:MissingEpisode) %4$s WHERE %1$s AND e.childId IS NOT NULL
      WITH e.childId AS childId, count(e) AS episodes, min(e.reportedAt) AS firstReported,
           max(e.reportedAt) AS lastReported
      WHERE episodes >= $minEpisodes
      MATCH (c:Child {id: childId}) %2$s
      WITH c, episodes, firstReported, lastReported
      ORDER BY %3$s, c.id
      WITH collect({c: c, episodes: episodes, firstReported: firstReported,
                    lastReported: lastReported}) AS hits
      UNWIND (CASE WHEN size(hits) = 0 THEN [null] ELSE hits[$offset..$end] END) AS hit
      CALL (hit) {
        WITH hit WHERE hit IS NOT NULL
        WITH hit.c AS c
        MATCH (c)<-[:RECORD_OF]-(:ChildRecord)<-[:CONCERNS]-(e:MissingEpisode) WHERE %1$s
        WITH e ORDER BY e.reportedAt DESC, e.key
        RETURN collect(e.key) AS keys, collect(DISTINCT e.force) AS forceCodes
      }
      RETURN size(hits) AS total,
             collect(CASE WHEN hit IS NULL THEN null ELSE
                       {childId: hit.c.id, episodes: hit.episodes, firstReported: hit.firstReported,
                        lastReported: hit.lastReported, forceCodes: forceCodes, keys: keys} END) AS page
      """;

  private final Neo4jClient neo4j;

  public EpisodeLists(Neo4jClient neo4j) {
    this.neo4j = neo4j;
  }

  /** Keys of the counting episodes the filter lets through, newest report first. */
  public Page<String> episodes(EpisodeFilter filter, int offset, int first) {
    String condition = filter.condition("e");
    Map<String, Object> params = new HashMap<>(filter.parameters());
    long total =
        neo4j.query(COUNT_EPISODES.formatted(condition)).bindAll(params).fetchAs(Long.class).one().orElse(0L);
    params.put("offset", offset);
    params.put("first", first);
    List<String> keys =
        List.copyOf(
            neo4j.query(PAGE_OF_EPISODES.formatted(condition)).bindAll(params).fetchAs(String.class).all());
    return new Page<>(keys, offset, total);
  }

  /**
   * Children with at least {@code minEpisodes} counting episodes under the filter (its period
   * included), across forces. The filter's forces choose the children: those any of them holds a
   * record of.
   */
  @SuppressWarnings("unchecked")
  public Page<ChildHit> children(
      EpisodeFilter filter, int minEpisodes, ChildOrder order, int offset, int first) {
    EpisodeFilter episodes = filter.anyForce();
    boolean byForce = filter.forces() != null && !filter.forces().isEmpty();
    Map<String, Object> params = new HashMap<>(episodes.parameters());
    params.put("minEpisodes", minEpisodes);
    params.put("forces", filter.forces());
    params.put("offset", offset);
    params.put("end", offset + first);
    String cypher =
        CHILDREN.formatted(
            episodes.condition("e"),
            byForce ? "WHERE EXISTS { (c)<-[:RECORD_OF]-(r:ChildRecord) WHERE r.force IN $forces }" : "",
            order == ChildOrder.LAST_REPORTED
                ? "lastReported DESC, episodes DESC"
                : "episodes DESC, lastReported DESC",
            // In a period, the count reads the index of report time, withdrawal and child alone
            // (V0015); the planner left to itself took the report time index and read every
            // episode of the period.
            episodes.from() != null || episodes.until() != null
                ? "USING INDEX e:MissingEpisode(reportedAt, withdrawn, childId)"
                : "");
    return neo4j
        .query(cypher)
        .bindAll(params)
        .fetchAs(Page.class)
        .mappedBy(
            (types, row) ->
                new Page<>(row.get("page").asList(EpisodeLists::childHit), offset, row.get("total").asLong()))
        .one()
        .orElseThrow();
  }

  private static ChildHit childHit(Value v) {
    return new ChildHit(
        v.get("childId").asString(),
        v.get("episodes").asLong(),
        v.get("firstReported").asOffsetDateTime(),
        v.get("lastReported").asOffsetDateTime(),
        v.get("forceCodes").asList(Value::asString),
        v.get("keys").asList(Value::asString));
  }
}
