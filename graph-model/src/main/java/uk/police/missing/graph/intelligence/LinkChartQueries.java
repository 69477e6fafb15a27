package uk.police.missing.graph.intelligence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Link charts: the entities around one child, person, place, phone or vehicle, and the links
 * between them, each link with the number of counting episodes that support it.
 *
 * <p>Links are derived from episodes, never stored: a child is linked to the places, people,
 * phones and vehicles of their episodes, and an associate to the phones and vehicles recorded
 * against them. A withdrawn episode supports nothing.
 */
public final class LinkChartQueries {

  /** A chart: nodes by id (in the order reached), links, and whether the node cap cut it. */
  public record Chart(List<String> nodeIds, List<Link> links, boolean truncated) {}

  /** A link between two entities of kind {@code kind}, supported by {@code episodes} episodes. */
  public record Link(String source, String kind, String target, long episodes) {
    public String id() {
      return kind + ":" + source + ":" + target;
    }
  }

  private static final String LINKS_AROUND =
      """
      UNWIND $ids AS id
      MATCH (x) WHERE (x:Child OR x:Person OR x:Place OR x:Phone OR x:Vehicle) AND x.id = id
      CALL (x) {
        MATCH (x)<-[:RECORD_OF]-(:ChildRecord)<-[:CONCERNS]-(e:MissingEpisode) RETURN e
        UNION
        MATCH (x)<-[:RECORD_OF]-(:PersonRecord)<-[:INVOLVES]-(e:MissingEpisode) RETURN e
        UNION
        MATCH (x)<-[:RECORD_OF]-(:PlaceRecord)<-[:MISSING_FROM|LAST_SEEN_AT|SIGHTED_AT|FOUND_AT|HOME_PLACE]-(e:MissingEpisode)
        RETURN e
        UNION
        MATCH (x)<-[:LINKED_PHONE|LINKED_VEHICLE]-(e:MissingEpisode)
        RETURN e
      }
      WITH DISTINCT x, e WHERE NOT coalesce(e.withdrawn, false)
      MATCH (e)-[:CONCERNS]->(:ChildRecord)-[:RECORD_OF]->(c:Child)
      CALL (e, c) {
        MATCH (e)-[m:MISSING_FROM|LAST_SEEN_AT|SIGHTED_AT|FOUND_AT|HOME_PLACE]->(:PlaceRecord)-[:RECORD_OF]->(p:Place)
        RETURN c.id AS a, type(m) AS kind, p.id AS b
        UNION
        MATCH (e)-[m:INVOLVES]->(:PersonRecord)-[:RECORD_OF]->(p:Person)
        RETURN c.id AS a, m.role AS kind, p.id AS b
        UNION
        MATCH (e)-[m:LINKED_PHONE]->(p:Phone) WHERE m.via IS NULL
        RETURN c.id AS a, 'LINKED_PHONE' AS kind, p.id AS b
        UNION
        MATCH (e)-[m:LINKED_VEHICLE]->(p:Vehicle) WHERE m.via IS NULL
        RETURN c.id AS a, 'LINKED_VEHICLE' AS kind, p.id AS b
        UNION
        MATCH (e)-[m:LINKED_PHONE|LINKED_VEHICLE]->(o), (e)-[i:INVOLVES]->(:PersonRecord)-[:RECORD_OF]->(p:Person)
        WHERE i.personRef = m.via
        RETURN p.id AS a, CASE type(m) WHEN 'LINKED_PHONE' THEN 'USES_PHONE' ELSE 'USES_VEHICLE' END AS kind,
               o.id AS b
      }
      WITH x, a, kind, b, e WHERE a = x.id OR b = x.id
      RETURN a, kind, b, count(DISTINCT e) AS episodes
      """;

  private final Neo4jClient neo4j;

  public LinkChartQueries(Neo4jClient neo4j) {
    this.neo4j = neo4j;
  }

  /**
   * The chart around {@code start}, breadth first to {@code depth} links away, with at most
   * {@code maxNodes} nodes; links are kept only between nodes in the chart.
   */
  public Chart chart(String start, int depth, int maxNodes) {
    Set<String> nodes = new LinkedHashSet<>();
    nodes.add(start);
    Map<String, Link> links = new LinkedHashMap<>();
    List<String> frontier = List.of(start);
    boolean truncated = false;
    for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
      List<String> next = new ArrayList<>();
      for (Link link : linksAround(frontier)) {
        links.putIfAbsent(link.id(), link);
        for (String end : List.of(link.source(), link.target())) {
          if (!nodes.contains(end)) {
            if (nodes.size() >= maxNodes) {
              truncated = true;
            } else {
              nodes.add(end);
              next.add(end);
            }
          }
        }
      }
      frontier = next;
    }
    List<Link> kept =
        links.values().stream()
            .filter(l -> nodes.contains(l.source()) && nodes.contains(l.target()))
            .toList();
    return new Chart(List.copyOf(nodes), kept, truncated);
  }

  private List<Link> linksAround(List<String> ids) {
    return neo4j
        .query(LINKS_AROUND)
        .bind(ids)
        .to("ids")
        .fetchAs(Link.class)
        .mappedBy(
            (types, r) ->
                new Link(
                    r.get("a").asString(),
                    r.get("kind").asString(),
                    r.get("b").asString(),
                    r.get("episodes").asLong()))
        .all()
        .stream()
        .sorted(
            java.util.Comparator.comparing(Link::kind)
                .thenComparing(Link::source)
                .thenComparing(Link::target))
        .toList();
  }
}
