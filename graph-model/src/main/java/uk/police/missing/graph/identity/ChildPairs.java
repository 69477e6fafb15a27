package uk.police.missing.graph.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import uk.police.missing.graph.linkage.ChildComparison;
import uk.police.missing.graph.linkage.ChildComparison.Field;
import uk.police.missing.graph.linkage.ChildMatchModel;

/**
 * Weighs candidate pairs of children's records in the match model. A record's names are read
 * from its {@code nameKeys} (ingest writes them normalised: {@code given:}, {@code family:} and,
 * for a double-barrelled family name, {@code part:}), so the comparison sees the names exactly
 * as the keys that found the pair did.
 */
final class ChildPairs {

  // How many records of children have each name: the degree of the name's key, which Neo4j
  // keeps counted for a node with many relationships, so a common name costs no more to count.
  private static final String NAME_RECORDS =
      """
      UNWIND $names AS name
      OPTIONAL MATCH (k:NameKey {value: name})
      RETURN name, CASE WHEN k IS NULL THEN 0 ELSE COUNT { (k)<-[:HAS_NAME]-() } END AS records
      """;

  private static final String CHILD_RECORDS = "MATCH (c:ChildRecord) RETURN count(c) AS total";

  private ChildPairs() {}

  /** A candidate pair's score, and whether the contract's own rule makes it a possible match. */
  record Judged(ChildMatchModel.Scored scored, boolean contractRule) {}

  /** Each candidate row with its score, in the order given. */
  static Map<Record, Judged> judge(TransactionContext tx, List<Record> rows) {
    Map<Record, Judged> scored = new LinkedHashMap<>();
    if (rows.isEmpty()) {
      return scored;
    }
    List<ChildComparison.Child[]> pairs = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (Record row : rows) {
      // Compared in the order of the record keys, so the reasons read the same whichever of
      // the two records was touched.
      boolean swap = row.get("a").asString().compareTo(row.get("b").asString()) > 0;
      ChildComparison.Child a = child(row.get(swap ? "recordB" : "recordA"));
      ChildComparison.Child b = child(row.get(swap ? "recordA" : "recordB"));
      pairs.add(new ChildComparison.Child[] {a, b});
      for (ChildComparison.Child c : List.of(a, b)) {
        c.givenNames().forEach(n -> names.add("given:" + n));
        if (c.family() != null) {
          names.add("family:" + c.family());
        }
      }
    }
    Map<String, Long> records = new HashMap<>();
    tx.run(NAME_RECORDS, Map.of("names", List.copyOf(names)))
        .forEachRemaining(r -> records.put(r.get("name").asString(), r.get("records").asLong()));
    long total = tx.run(CHILD_RECORDS).single().get("total").asLong();
    ChildMatchModel.Frequencies frequencies =
        new ChildMatchModel.Frequencies() {
          @Override
          public long records(Field field, String name) {
            String prefix = field == Field.GIVEN_NAME ? "given:" : "family:";
            return records.getOrDefault(prefix + name, 0L);
          }

          @Override
          public long total() {
            return total;
          }
        };
    for (int i = 0; i < rows.size(); i++) {
      ChildComparison.Child[] pair = pairs.get(i);
      var levels = ChildComparison.compare(pair[0], pair[1]);
      scored.put(
          rows.get(i),
          new Judged(
              ChildMatchModel.score(levels, frequencies),
              ChildComparison.contractPossibleMatch(levels)));
    }
    return scored;
  }

  static ChildComparison.Child child(Value record) {
    List<String> given = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    String family = null;
    for (String key : record.get("nameKeys").asList(Value::asString, List.of())) {
      if (key.startsWith("given:")) {
        given.add(key.substring("given:".length()));
      } else if (key.startsWith("family:")) {
        family = key.substring("family:".length());
      } else if (key.startsWith("part:")) {
        parts.add(key.substring("part:".length()));
      }
    }
    return new ChildComparison.Child(
        given,
        family,
        parts.isEmpty() && family != null ? List.of(family) : parts,
        record.get("dateOfBirth").isNull() ? null : record.get("dateOfBirth").asLocalDate(),
        record.get("dateOfBirthEstimated").asBoolean(false),
        text(record.get("sex")),
        text(record.get("pncId")),
        text(record.get("responsibleAuthority")));
  }

  private static String text(Value v) {
    return v.isNull() ? null : v.asString();
  }
}
