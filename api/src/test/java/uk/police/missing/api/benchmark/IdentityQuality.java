package uk.police.missing.api.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.neo4j.core.Neo4jClient;
import uk.police.missing.graph.episode.EpisodeWrite;
import uk.police.missing.ingest.synthetic.NationalGenerator;

/**
 * How well the match model does on the generator's planted truth, after the load: the share of
 * each kind of child written two ways that is a possible match, of decoys and twins that are
 * (or are merged), and the open possible matches of children an analyst has to work through.
 */
final class IdentityQuality {

  // For each pair of records (force|personRef): merged into one child, and an open possible
  // match between them.
  private static final String PAIRS =
      """
      UNWIND $pairs AS pair
      MATCH (a:ChildRecord {key: pair[0]})-[:RECORD_OF]->(ca:Child)
      MATCH (b:ChildRecord {key: pair[1]})-[:RECORD_OF]->(cb:Child)
      RETURN ca = cb AS merged,
             EXISTS { (a)<-[:BETWEEN]-(m:PossibleMatch {status: 'OPEN'})-[:BETWEEN]->(b) } AS surfaced
      """;

  private static final String WORKLOAD =
      """
      CALL () { MATCH (c:Child) RETURN count(c) AS children }
      CALL () { MATCH (m:PossibleMatch {kind: 'CHILD', status: 'OPEN'}) RETURN count(m) AS open }
      RETURN children, open
      """;

  private IdentityQuality() {}

  /** The section's lines: a table of kinds, then the workload. */
  static List<String> measure(Neo4jClient neo4j, NationalGenerator.Planted planted) {
    Map<String, List<List<String>>> groups = new LinkedHashMap<>();
    for (var v : planted.nameVariants()) {
      groups.computeIfAbsent("written two ways: " + v.kind(), k -> new ArrayList<>())
          .add(pair(v.forceA(), v.refA(), v.forceB(), v.refB()));
    }
    for (var d : planted.decoys()) {
      groups.computeIfAbsent(
              d.swappedBirthDate() ? "decoys, day and month swapped (the contract's rule)" : "decoys, a year and 40 days apart",
              k -> new ArrayList<>())
          .add(pair(d.forceA(), d.refA(), d.forceB(), d.refB()));
    }
    for (var t : planted.twins()) {
      groups.computeIfAbsent("twins", k -> new ArrayList<>()).add(pair(t.forceA(), t.refA(), t.forceB(), t.refB()));
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("### Identity quality");
    lines.add("");
    lines.add("| planted pairs | pairs | a possible match | merged | aim |");
    lines.add("|---|---|---|---|---|");
    groups.forEach(
        (group, pairs) -> {
          long surfaced = 0;
          long merged = 0;
          for (var row : neo4j.query(PAIRS).bind(pairs).to("pairs").fetch().all()) {
            surfaced += Boolean.TRUE.equals(row.get("surfaced")) ? 1 : 0;
            merged += Boolean.TRUE.equals(row.get("merged")) ? 1 : 0;
          }
          String aim = group.startsWith("written") ? "≥ 0.95 a possible match, none merged"
              : group.startsWith("twins") ? "none merged" : group.contains("swapped") ? "none merged" : "≤ 5% a possible match";
          lines.add(String.format(Locale.ROOT, "| %s | %d | %d (%.2f) | %d | %s |",
              group, pairs.size(), surfaced, (double) surfaced / pairs.size(), merged, aim));
        });
    var workload = neo4j.query(WORKLOAD).fetch().one().orElseThrow();
    long children = ((Number) workload.get("children")).longValue();
    long open = ((Number) workload.get("open")).longValue();
    lines.add("");
    lines.add(String.format(Locale.ROOT,
        "Open possible matches of children: %,d for %,d children, %.1f per 1,000 (aim ≤ 10).",
        open, children, 1000.0 * open / Math.max(1, children)));
    return lines;
  }

  private static List<String> pair(String forceA, String refA, String forceB, String refB) {
    return List.of(EpisodeWrite.recordKey(forceA, refA), EpisodeWrite.recordKey(forceB, refB));
  }
}
