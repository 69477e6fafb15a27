package uk.police.missing.graph.identity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Finds and keeps the pairs of records that may be the same child or person but are not joined
 * by a firm identity key: a shared phone, vehicle or street name between associates; the same
 * name with a date of birth that differs by a typo, a day/month swap, or an estimate within a
 * year between children. Open pairs follow the data; pairs an analyst decided keep the decision.
 */
public final class PossibleMatches {

  private static final String CANDIDATES =
      """
      UNWIND $ids AS id
      MATCH (r) WHERE elementId(r) = id AND (r:ChildRecord OR r:PersonRecord)
      MATCH (r)-[:HAS_MATCH_KEY]->(k:MatchKey)<-[:HAS_MATCH_KEY]-(o)
      WHERE o <> r AND labels(o) = labels(r)
        AND NOT EXISTS { (r)-[:RECORD_OF]->()<-[:RECORD_OF]-(o) }
      WITH r, o, collect(k.value) AS shared
      RETURN r.key AS a, o.key AS b, r:ChildRecord AS child, shared,
             r.dateOfBirth AS dobA, coalesce(r.dateOfBirthEstimated, false) AS estA,
             o.dateOfBirth AS dobB, coalesce(o.dateOfBirthEstimated, false) AS estB
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
      MATCH (a {key: match.a}) WHERE a:ChildRecord OR a:PersonRecord
      MATCH (b {key: match.b}) WHERE b:ChildRecord OR b:PersonRecord
      MERGE (m:PossibleMatch {key: match.key})
        ON CREATE SET m.id = match.id, m.status = 'OPEN', m.kind = match.kind
      SET m.confidence = match.confidence, m.reasons = match.reasons
      MERGE (m)-[:BETWEEN]->(a)
      MERGE (m)-[:BETWEEN]->(b)
      """;

  private PossibleMatches() {}

  /** Re-evaluates the possible matches of the given records (element ids; others ignored). */
  public static void refresh(TransactionContext tx, Collection<String> touched) {
    List<String> ids = List.copyOf(touched);
    IdentityResolver.syncKeys(tx, ids, "HAS_MATCH_KEY", "MatchKey", "matchKeys");
    Map<String, Map<String, Object>> matches = new HashMap<>();
    for (var row : tx.run(CANDIDATES, Map.of("ids", ids)).list()) {
      boolean child = row.get("child").asBoolean();
      List<String> reasons = new ArrayList<>();
      double confidence =
          child
              ? childEvidence(row.get("dobA"), row.get("estA").asBoolean(), row.get("dobB"), row.get("estB").asBoolean(), reasons)
              : personEvidence(row.get("shared").asList(Value::asString), reasons);
      if (reasons.isEmpty()) {
        continue;
      }
      String a = row.get("a").asString();
      String b = row.get("b").asString();
      String first = a.compareTo(b) < 0 ? a : b;
      String second = a.compareTo(b) < 0 ? b : a;
      String key = (child ? "child" : "person") + ":" + first + "~" + second;
      matches.put(
          key,
          Map.of(
              "key", key,
              "id", UUID.randomUUID().toString(),
              "kind", child ? "CHILD" : "PERSON",
              "a", first,
              "b", second,
              "confidence", confidence,
              "reasons", reasons));
    }
    tx.run(REMOVE_STALE, Map.of("ids", ids, "current", List.copyOf(matches.keySet()))).consume();
    if (!matches.isEmpty()) {
      tx.run(UPSERT, Map.of("matches", List.copyOf(matches.values()))).consume();
    }
  }

  // Same name (the shared key); the dates of birth decide whether it is worth a look.
  static double childEvidence(Value dobA, boolean estA, Value dobB, boolean estB, List<String> reasons) {
    if (dobA.isNull() || dobB.isNull()) {
      return 0;
    }
    LocalDate a = dobA.asLocalDate();
    LocalDate b = dobB.asLocalDate();
    if (estA || estB) {
      if (Math.abs(ChronoUnit.DAYS.between(a, b)) <= 365) {
        reasons.add("same name; an estimated date of birth within a year of the other");
        return 0.6;
      }
      return 0;
    }
    if (a.getYear() == b.getYear()
        && a.getDayOfMonth() == b.getMonthValue()
        && a.getMonthValue() == b.getDayOfMonth()
        && !a.equals(b)) {
      reasons.add("same name; date of birth with day and month swapped (" + a + " / " + b + ")");
      return 0.8;
    }
    if (differsByOneCharacter(a.toString(), b.toString())) {
      reasons.add("same name; dates of birth one digit apart (" + a + " / " + b + ")");
      return 0.7;
    }
    return 0;
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

  private static boolean differsByOneCharacter(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int differences = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i) && ++differences > 1) {
        return false;
      }
    }
    return differences == 1;
  }
}
