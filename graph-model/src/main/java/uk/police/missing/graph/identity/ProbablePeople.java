package uk.police.missing.graph.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * People that are probably one person though nobody has confirmed it yet: associates tied
 * together, directly or through others, by open possible matches on a shared phone, vehicle or
 * street name. An exploiter one force knows by name and another only by his phone is two
 * {@code Person}s until an analyst confirms the match; counting him once meanwhile shows what
 * he is linked to across forces. A rejected pair is never grouped, directly or through others.
 */
public final class ProbablePeople {

  /** One probable person: its members by id (in order), and the reasons that tie them. */
  public record Group(List<String> personIds, List<String> reasons) {}

  // Only the identifiers people carry tie them: a name alone is not enough for an associate.
  private static final String PAIRS =
      """
      MATCH (m:PossibleMatch {kind: 'PERSON'})
      WHERE m.status IN ['OPEN', 'REJECTED']
      MATCH (m)-[:BETWEEN]->(:PersonRecord)-[:RECORD_OF]->(p:Person)
      WITH m, collect(DISTINCT p.id) AS people
      WHERE size(people) = 2
        AND (m.status = 'REJECTED'
             OR any(r IN m.reasons WHERE r STARTS WITH 'shared phone'
                    OR r STARTS WITH 'shared vehicle' OR r STARTS WITH 'shared street name'))
      RETURN m.status AS status, people, m.reasons AS reasons
      ORDER BY m.confidence DESC, m.key
      """;

  private final Neo4jClient neo4j;

  public ProbablePeople(Neo4jClient neo4j) {
    this.neo4j = neo4j;
  }

  /** Every group of two or more people, members ordered by id, groups by their first member. */
  public List<Group> groups() {
    List<List<String>> open = new ArrayList<>();
    List<List<String>> openReasons = new ArrayList<>();
    Set<String> rejected = new HashSet<>();
    for (Map<String, Object> row : neo4j.query(PAIRS).fetch().all()) {
      List<String> people = strings(row.get("people"));
      if ("REJECTED".equals(row.get("status"))) {
        rejected.add(pairKey(people.get(0), people.get(1)));
      } else {
        open.add(people);
        openReasons.add(strings(row.get("reasons")));
      }
    }
    // Each group is a set of members under its first member's id; an open pair joins two groups
    // unless that would put the two people of a rejected pair together. The strongest pairs join
    // first, so where a rejection leaves a choice, the better-evidenced pair wins.
    Map<String, String> leader = new HashMap<>();
    Map<String, Set<String>> members = new HashMap<>();
    Map<String, Set<String>> reasons = new HashMap<>();
    for (int i = 0; i < open.size(); i++) {
      String a = leaderOf(open.get(i).get(0), leader, members);
      String b = leaderOf(open.get(i).get(1), leader, members);
      if (!a.equals(b) && !separated(members.get(a), members.get(b), rejected)) {
        members.get(a).addAll(members.remove(b));
        members.get(a).forEach(id -> leader.put(id, a));
        reasons.computeIfAbsent(a, k -> new TreeSet<>()).addAll(reasons.getOrDefault(b, Set.of()));
        reasons.remove(b);
      }
      if (a.equals(b) || leader.get(open.get(i).get(1)).equals(a)) {
        reasons.computeIfAbsent(a, k -> new TreeSet<>()).addAll(openReasons.get(i));
      }
    }
    Map<String, Group> byFirst = new TreeMap<>();
    members.forEach(
        (id, group) -> {
          if (group.size() > 1) {
            List<String> ordered = List.copyOf(new TreeSet<>(group));
            byFirst.put(
                ordered.get(0), new Group(ordered, List.copyOf(reasons.getOrDefault(id, Set.of()))));
          }
        });
    return List.copyOf(byFirst.values());
  }

  private static String leaderOf(String id, Map<String, String> leader, Map<String, Set<String>> members) {
    return leader.computeIfAbsent(
        id,
        k -> {
          members.put(k, new HashSet<>(Set.of(k)));
          return k;
        });
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return (List<String>) value;
  }

  private static boolean separated(Set<String> a, Set<String> b, Set<String> rejected) {
    for (String x : a) {
      for (String y : b) {
        if (rejected.contains(pairKey(x, y))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String pairKey(String x, String y) {
    return x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x;
  }
}
