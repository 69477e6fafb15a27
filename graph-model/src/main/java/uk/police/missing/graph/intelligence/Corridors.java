package uk.police.missing.graph.intelligence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Where children go missing from and where they are found, as flows between areas: force area to
 * force area, or authority to authority. The NCA's statistics ask "where found"; a corridor that
 * keeps carrying children out of one area into another is what a child-exploitation team looks
 * for. Only episodes whose record places both ends count.
 */
public final class Corridors {

  /** Which areas the ends of a flow are. */
  public enum Level {
    FORCE_AREA("missingFromArea", "foundArea"),
    LOCAL_AUTHORITY("missingFromAuthority", "foundAuthority");

    private final String from;
    private final String to;

    Level(String from, String to) {
      this.from = from;
      this.to = to;
    }
  }

  /**
   * One flow: children who went missing from {@code from} and were found in {@code to}, with the
   * children (up to {@link #LISTED} of them, latest first) and the episodes (keys, up to {@link
   * #LISTED}, newest first) behind it.
   */
  public record Flow(
      Level level,
      String from,
      String to,
      long episodeCount,
      long childCount,
      List<String> childIds,
      List<String> episodeKeys) {}

  /** The most children and episodes listed per flow; the counts say how many there are. */
  public static final int LISTED = 50;

  private static final String FLOWS =
      """
      MATCH (e:MissingEpisode)
      WHERE %1$s AND e.%2$s IS NOT NULL AND e.%3$s IS NOT NULL
        AND ($includeWithin OR e.%2$s <> e.%3$s)
      WITH e.%2$s AS from, e.%3$s AS to, e ORDER BY e.reportedAt DESC, e.key
      WITH from, to, count(e) AS episodes, count(DISTINCT e.childId) AS children,
           collect(DISTINCT e.childId)[..$listed] AS childIds, collect(e.key)[..$listed] AS keys
      ORDER BY episodes DESC, children DESC, from, to
      WITH collect({from: from, to: to, episodes: episodes, children: children,
                    childIds: childIds, keys: keys}) AS flows
      RETURN size(flows) AS total, flows[$offset..$end] AS page
      """;

  private final Neo4jClient neo4j;

  public Corridors(Neo4jClient neo4j) {
    this.neo4j = neo4j;
  }

  /**
   * The flows of the episodes the filter lets through, most episodes first. A flow within one
   * area (found where they went missing from) is listed only with {@code includeWithin}.
   */
  @SuppressWarnings("unchecked")
  public Page<Flow> flows(
      EpisodeFilter filter, Level level, boolean includeWithin, int offset, int first) {
    Map<String, Object> params = new HashMap<>(filter.parameters());
    params.put("includeWithin", includeWithin);
    params.put("listed", LISTED);
    params.put("offset", offset);
    params.put("end", offset + first);
    return neo4j
        .query(FLOWS.formatted(filter.condition("e"), level.from, level.to))
        .bindAll(params)
        .fetchAs(Page.class)
        .mappedBy(
            (types, row) ->
                new Page<>(
                    row.get("page").asList(v -> flow(level, v)), offset, row.get("total").asLong()))
        .one()
        .orElseThrow();
  }

  private static Flow flow(Level level, Value v) {
    return new Flow(
        level,
        v.get("from").asString(),
        v.get("to").asString(),
        v.get("episodes").asLong(),
        v.get("children").asLong(),
        v.get("childIds").asList(Value::asString),
        v.get("keys").asList(Value::asString));
  }
}
