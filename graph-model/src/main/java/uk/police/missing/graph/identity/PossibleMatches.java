package uk.police.missing.graph.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Finds and keeps the pairs of records that may be the same child, person or place but are not
 * joined by a firm identity key: a shared phone, vehicle or street name between associates;
 * children whose records the match model ({@code uk.police.missing.graph.linkage}) finds at least
 * {@value #CHILD_THRESHOLD} likely to be one child, or that meet the contract's own rule;
 * places within about 25 metres of each other with compatible names.
 * Open pairs follow the data; pairs an analyst decided keep the decision.
 */
public final class PossibleMatches {

  // Each shared key yields at most PER_KEY other records, read before any other check, so the
  // records read for one record are bounded however large the store or a block grows.
  private static final String CANDIDATES =
      """
      UNWIND $ids AS id
      MATCH (r) WHERE elementId(r) = id AND (r:ChildRecord OR r:PersonRecord)
      MATCH (r)-[:HAS_MATCH_KEY]->(k:MatchKey)
      CALL (r, k) {
        MATCH (k)<-[:HAS_MATCH_KEY]-(o)
        WITH o LIMIT $perKey
        WITH o WHERE o <> r AND labels(o) = labels(r)
          AND NOT EXISTS { (r)-[:RECORD_OF]->()<-[:RECORD_OF]-(o) }
        RETURN o
      }
      WITH r, o, collect(k.value) AS shared
      RETURN r.key AS a, o.key AS b, elementId(r) AS aId, elementId(o) AS bId,
             r:ChildRecord AS child, shared,
             CASE WHEN r:ChildRecord THEN properties(r) END AS recordA,
             CASE WHEN r:ChildRecord THEN properties(o) END AS recordB
      """;

  /** The most records one shared match key brings to be compared with a record. */
  static final int PER_KEY = 200;

  /**
   * A pair of children's records is a possible match from this probability, or below it when
   * the force contract's own rule holds (the same names, dates of birth a slip apart).
   */
  public static final double CHILD_THRESHOLD = 0.5;

  // Two ways of writing places within the distance, found through the point index, that belong
  // to different places. A record that only withdrawn episodes write has no identity keys (every
  // way of writing a place gives at least one) and is left out, as a child's record is.
  private static final String PLACE_CANDIDATES =
      """
      UNWIND $ids AS id
      MATCH (r:PlaceRecord) WHERE elementId(r) = id AND r.location IS NOT NULL
        AND size(r.identityKeys) > 0
      MATCH (o:PlaceRecord)
      WHERE point.distance(o.location, r.location) <= $metres AND o <> r
        AND size(o.identityKeys) > 0
        AND NOT EXISTS { (r)-[:RECORD_OF]->()<-[:RECORD_OF]-(o) }
      RETURN r.key AS a, o.key AS b, elementId(r) AS aId, elementId(o) AS bId,
             point.distance(o.location, r.location) AS metres,
             r.name AS nameA, r.line AS lineA, o.name AS nameB, o.line AS lineB
      """;

  // Open pairs of these records that the data no longer supports go; decided pairs stay.
  private static final String REMOVE_STALE =
      """
      UNWIND $ids AS id
      MATCH (r) WHERE elementId(r) = id
      MATCH (r)<-[:BETWEEN]-(m:PossibleMatch {status: 'OPEN'})
      WHERE NOT m.key IN $current
      DETACH DELETE m
      """;

  private static final String UPSERT =
      """
      UNWIND $matches AS match
      MATCH (a) WHERE elementId(a) = match.aId
      MATCH (b) WHERE elementId(b) = match.bId
      MERGE (m:PossibleMatch {key: match.key})
        ON CREATE SET m.id = match.id, m.status = 'OPEN', m.kind = match.kind
      SET m.confidence = match.confidence, m.reasons = match.reasons
      MERGE (m)-[:BETWEEN]->(a)
      MERGE (m)-[:BETWEEN]->(b)
      """;

  /** Places at most this far apart, in metres, with compatible names may be one place. */
  static final double PLACE_METRES = 25;

  private static final LevenshteinDistance EDITS = LevenshteinDistance.getDefaultInstance();
  private static final Pattern NUMBER = Pattern.compile("[0-9]+");

  private PossibleMatches() {}

  /** Re-evaluates the possible matches of the given records (element ids; others ignored). */
  public static void refresh(TransactionContext tx, Collection<String> touched) {
    List<String> ids = List.copyOf(touched);
    IdentityResolver.syncKeys(tx, ids, "HAS_MATCH_KEY", "MatchKey", "matchKeys");
    IdentityResolver.syncKeys(tx, ids, "HAS_NAME", "NameKey", "nameKeys");
    Map<String, Map<String, Object>> matches = new HashMap<>();
    List<org.neo4j.driver.Record> children = new ArrayList<>();
    for (var row : tx.run(CANDIDATES, Map.of("ids", ids, "perKey", PER_KEY)).list()) {
      if (row.get("child").asBoolean()) {
        children.add(row);
        continue;
      }
      List<String> reasons = new ArrayList<>();
      double confidence = personEvidence(row.get("shared").asList(Value::asString), reasons);
      keep(matches, "PERSON", row, confidence, reasons);
    }
    ChildPairs.judge(tx, children)
        .forEach(
            (row, judged) -> {
              var scored = judged.scored();
              if (scored.probability() >= CHILD_THRESHOLD || judged.contractRule()) {
                keep(matches, "CHILD", row, scored.probability(), scored.reasons());
              }
            });
    for (var row : tx.run(PLACE_CANDIDATES, Map.of("ids", ids, "metres", PLACE_METRES)).list()) {
      // Judged in the order of the record keys, so the reasons read the same whichever of the
      // two records was touched.
      boolean swap = row.get("a").asString().compareTo(row.get("b").asString()) > 0;
      List<String> reasons = new ArrayList<>();
      double confidence =
          placeEvidence(
              row.get("metres").asDouble(),
              text(row, swap ? "nameB" : "nameA"),
              text(row, swap ? "lineB" : "lineA"),
              text(row, swap ? "nameA" : "nameB"),
              text(row, swap ? "lineA" : "lineB"),
              reasons);
      keep(matches, "PLACE", row, confidence, reasons);
    }
    tx.run(REMOVE_STALE, Map.of("ids", ids, "current", List.copyOf(matches.keySet()))).consume();
    if (!matches.isEmpty()) {
      tx.run(UPSERT, Map.of("matches", List.copyOf(matches.values()))).consume();
    }
  }

  // A pair with evidence is kept once, under its kind and its two record keys in order.
  private static void keep(
      Map<String, Map<String, Object>> matches, String kind, org.neo4j.driver.Record row,
      double confidence, List<String> reasons) {
    if (reasons.isEmpty()) {
      return;
    }
    String a = row.get("a").asString();
    String b = row.get("b").asString();
    String key = kind.toLowerCase(Locale.ROOT) + ":" + (a.compareTo(b) < 0 ? a + "~" + b : b + "~" + a);
    matches.put(
        key,
        Map.of(
            "key", key,
            "id", UUID.randomUUID().toString(),
            "kind", kind,
            "aId", row.get("aId").asString(),
            "bId", row.get("bId").asString(),
            "confidence", confidence,
            "reasons", reasons));
  }

  private static String text(org.neo4j.driver.Record row, String column) {
    return row.get(column).isNull() ? null : row.get(column).asString();
  }

  /**
   * Two places this close with compatible names may be one: the best-matching pair of a name or
   * first address line from each side decides. Confidence falls with distance and with how far
   * the texts differ.
   */
  static double placeEvidence(
      double metres, String nameA, String lineA, String nameB, String lineB, List<String> reasons) {
    String[] textsA = {nameA, lineA};
    String[] textsB = {nameB, lineB};
    double best = 0;
    int bestA = -1;
    int bestB = -1;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        if (textsA[i] != null && textsB[j] != null) {
          double alike = similarity(textsA[i], textsB[j]);
          if (alike > best) {
            best = alike;
            bestA = i;
            bestB = j;
          }
        }
      }
    }
    if (best == 0) {
      return 0;
    }
    reasons.add(Math.round(metres) + " m apart");
    String x = textsA[bestA];
    String y = textsB[bestB];
    String[] kinds = {"name", "first address line"};
    if (bestA == bestB && x.equals(y)) {
      reasons.add("the same " + kinds[bestA] + " '" + x + "'");
    } else if (bestA == bestB) {
      reasons.add(kinds[bestA] + "s '" + x + "' and '" + y + "' are similar");
    } else {
      reasons.add(kinds[bestA] + " '" + x + "' and " + kinds[bestB] + " '" + y + "' are similar");
    }
    return Math.min(0.95, Math.round(best * (1 - metres / 100) * 1000) / 1000.0);
  }

  /**
   * How alike two normalised names or address lines are, from 0 (not compatible) to 1: the
   * share of characters that need no edit, when that is at least 0.8; else 0.8 when the words of
   * one are all words of the other ("ROYAL OAK", "THE ROYAL OAK"). House numbers must agree when
   * both give any, so that neighbours on one street stay apart.
   */
  static double similarity(String a, String b) {
    Set<String> numbersA = numbers(a);
    Set<String> numbersB = numbers(b);
    if (!numbersA.isEmpty() && !numbersB.isEmpty() && !numbersA.equals(numbersB)) {
      return 0;
    }
    double alike = 1 - (double) EDITS.apply(a, b) / Math.max(a.length(), b.length());
    if (alike >= 0.8) {
      return alike;
    }
    Set<String> wordsA = new HashSet<>(Arrays.asList(a.split(" ")));
    Set<String> wordsB = new HashSet<>(Arrays.asList(b.split(" ")));
    return wordsA.containsAll(wordsB) || wordsB.containsAll(wordsA) ? 0.8 : 0;
  }

  private static Set<String> numbers(String text) {
    Set<String> numbers = new HashSet<>();
    NUMBER.matcher(text).results().forEach(m -> numbers.add(m.group()));
    return numbers;
  }

  static double personEvidence(List<String> shared, List<String> reasons) {
    double unlikely = 1;
    for (String key : shared) {
      if (key.startsWith("person:phone:")) {
        reasons.add("shared phone " + key.substring("person:phone:".length()));
        unlikely *= 1 - 0.6;
      } else if (key.startsWith("person:vehicle:")) {
        reasons.add("shared vehicle " + key.substring("person:vehicle:".length()));
        unlikely *= 1 - 0.5;
      } else if (key.startsWith("person:alias:")) {
        reasons.add("shared street name '" + key.substring("person:alias:".length()) + "'");
        unlikely *= 1 - 0.5;
      }
    }
    reasons.sort(String::compareTo);
    return Math.min(0.95, Math.round((1 - unlikely) * 1000) / 1000.0);
  }
}
