package uk.police.missing.graph.schema.migrations;

import ac.simons.neo4j.migrations.core.JavaBasedMigration;
import ac.simons.neo4j.migrations.core.MigrationContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.police.missing.graph.identity.PossibleMatches;
import uk.police.missing.graph.linkage.ChildNames;

/**
 * Gives the children of a store written before the match model what ingest now writes: on each
 * {@code CONCERNS} mention and each {@code ChildRecord}, the {@code nameKeys} the model counts
 * and the {@code matchKeys} it blocks on, worked out by {@link ChildNames} from what the record
 * said; then re-evaluates the possible matches of every child's record, so pairs the new keys
 * find are listed and pairs the model no longer supports go (decided pairs stay).
 *
 * <p>Pages of {@link #BATCH} by key, each in a transaction of its own; a rerun writes nothing a
 * page already wrote. A record that only withdrawn episodes name keeps its empty match keys, as
 * ingest leaves it.
 */
final class V0018__Child_names_and_blocking_keys_for_a_store_written_before_them
    implements JavaBasedMigration {

  static final int BATCH = 500;

  private static final Logger log =
      LoggerFactory.getLogger(
          V0018__Child_names_and_blocking_keys_for_a_store_written_before_them.class);

  private static final String MENTIONS =
      """
      MATCH (e:MissingEpisode) WHERE e.key > $after
      WITH e ORDER BY e.key LIMIT $size
      OPTIONAL MATCH (e)-[c:CONCERNS]->(:ChildRecord)
      RETURN e.key AS key, elementId(c) AS mention, properties(c) AS child
      """;

  private static final String SET_MENTIONS =
      """
      UNWIND $rows AS row
      MATCH ()-[c:CONCERNS]->() WHERE elementId(c) = row.id
      SET c.nameKeys = row.nameKeys, c.matchKeys = row.matchKeys
      """;

  private static final String RECORDS =
      """
      MATCH (r:ChildRecord) WHERE r.key > $after
      WITH r ORDER BY r.key LIMIT $size
      RETURN r.key AS key, elementId(r) AS id, properties(r) AS child
      """;

  private static final String SET_RECORDS =
      """
      UNWIND $rows AS row
      MATCH (r:ChildRecord) WHERE elementId(r) = row.id
      SET r.nameKeys = row.nameKeys, r.matchKeys = row.matchKeys
      """;

  private final int batchSize;

  V0018__Child_names_and_blocking_keys_for_a_store_written_before_them() {
    this(BATCH);
  }

  V0018__Child_names_and_blocking_keys_for_a_store_written_before_them(int batchSize) {
    this.batchSize = batchSize;
  }

  @Override
  public void apply(MigrationContext context) {
    run(context.getDriver(), context.getSessionConfig());
  }

  void run(Driver driver, SessionConfig sessionConfig) {
    try (Session session = driver.session(sessionConfig)) {
      pages(session, "mentions", this::mentions);
      pages(session, "records", this::records);
    }
  }

  private interface PageStep {
    String apply(TransactionContext tx, String after);
  }

  private void pages(Session session, String step, PageStep page) {
    long started = System.nanoTime();
    int pages = 0;
    String after = "";
    while (after != null) {
      String from = after;
      after = session.executeWrite(tx -> page.apply(tx, from));
      if (++pages % 100 == 0) {
        log.info("V0018 {}: {} pages so far", step, pages);
      }
    }
    log.info("V0018 {}: {} pages, {} s", step, pages, (System.nanoTime() - started) / 1_000_000_000);
  }

  private String mentions(TransactionContext tx, String after) {
    List<Record> page = tx.run(MENTIONS, Map.of("after", after, "size", batchSize)).list();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Record row : page) {
      if (!row.get("mention").isNull()) {
        Map<String, Object> keys = keys(row.get("child"), false);
        if (keys != null) {
          keys.put("id", row.get("mention").asString());
          rows.add(keys);
        }
      }
    }
    if (!rows.isEmpty()) {
      tx.run(SET_MENTIONS, Map.of("rows", rows)).consume();
    }
    return last(page);
  }

  private String records(TransactionContext tx, String after) {
    List<Record> page = tx.run(RECORDS, Map.of("after", after, "size", batchSize)).list();
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Record row : page) {
      ids.add(row.get("id").asString());
      // Ingest empties the match keys of a record only withdrawn episodes name.
      Value child = row.get("child");
      boolean onlyWithdrawn =
          !child.get("identityKeys").isNull() && child.get("identityKeys").isEmpty()
              && !child.get("matchKeys").isNull() && child.get("matchKeys").isEmpty();
      Map<String, Object> keys = keys(child, onlyWithdrawn);
      if (keys != null) {
        keys.put("id", row.get("id").asString());
        rows.add(keys);
      }
    }
    if (!rows.isEmpty()) {
      tx.run(SET_RECORDS, Map.of("rows", rows)).consume();
    }
    // Every record of the page, changed or not: the model weighs pairs differently now.
    PossibleMatches.refresh(tx, ids);
    return last(page);
  }

  // What ingest would write, or null when the record already has it.
  private static Map<String, Object> keys(Value child, boolean onlyWithdrawn) {
    if (child.get("givenName").isNull() || child.get("familyName").isNull()) {
      return null;
    }
    String given = child.get("givenName").asString();
    String family = child.get("familyName").asString();
    List<String> aliases = child.get("alsoKnownAs").asList(Value::asString, List.of());
    List<String> nameKeys = ChildNames.nameKeys(given, family, aliases);
    List<String> matchKeys =
        onlyWithdrawn || child.get("dateOfBirth").isNull()
            ? List.of()
            : ChildNames.matchKeys(
                given, family, aliases, child.get("dateOfBirth").asLocalDate(),
                child.get("dateOfBirthEstimated").asBoolean(false));
    if (nameKeys.equals(child.get("nameKeys").asList(Value::asString, null))
        && matchKeys.equals(child.get("matchKeys").asList(Value::asString, null))) {
      return null;
    }
    Map<String, Object> keys = new HashMap<>();
    keys.put("nameKeys", nameKeys);
    keys.put("matchKeys", matchKeys);
    return keys;
  }

  private String last(List<Record> page) {
    return page.size() < batchSize ? null : page.get(page.size() - 1).get("key").asString();
  }
}
