package uk.police.missing.graph.episode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import uk.police.missing.graph.identity.IdentityResolver;
import uk.police.missing.graph.identity.PlaceSummary;

/**
 * Writes batches of episode records with a few {@code UNWIND} statements in one transaction.
 *
 * <p>A batch is all or nothing: callers that need one bad record not to sink the others retry
 * the records one by one. Transactions run through the driver's managed {@code executeWrite},
 * which retries transient failures (deadlocks, a cluster leader switch) with back-off; the
 * statements are idempotent, so a retry after an unknown commit outcome writes nothing twice.
 */
public final class EpisodeWriter {

  /** What became of one record of a batch. */
  public enum Result {
    /** The record was newer than what was stored and is now the episode's current state. */
    APPLIED,
    /** The stored episode was already at this version or a later one. */
    UNCHANGED,
    /** The stored episode holds this very version with different content; the first one stays. */
    CONFLICTING_VERSION
  }

  // Upserts the episode node and the receipt history; applies the record only when it is newer.
  // The history keeps every version received, whatever order they came in, so the stored graph
  // does not depend on arrival order.
  private static final String UPSERT_EPISODES =
      """
      UNWIND $rows AS row
      MATCH (f:Force {code: row.force})
      MERGE (e:MissingEpisode {key: row.key})
        ON CREATE SET e.force = row.force, e.episodeRef = row.episodeRef, e.recordVersion = 0
      // CREATE, not MERGE: merging a relationship locks both its nodes, and every transaction
      // reaches the same few force nodes, so concurrent writers would queue behind each other.
      // The episode's key constraint already lets only one writer create it.
      WITH *
      CALL (e, f) {
        WITH e, f WHERE NOT EXISTS { (e)-[:REPORTED_BY]->() }
        CREATE (e)-[:REPORTED_BY]->(f)
      }
      MERGE (v:EpisodeRecord {key: row.versionKey})
        ON CREATE SET v.force = row.force, v.episodeRef = row.episodeRef,
                      v.recordVersion = row.recordVersion, v.payload = row.payload,
                      v.sha256 = row.sha256, v.receivedAt = datetime()
      MERGE (e)-[:HAS_VERSION]->(v)
      WITH row, e, v, e.recordVersion < row.recordVersion AS newer
      CALL (row, e, newer) {
        WITH row, e WHERE newer
        SET e = row.episode
      }
      RETURN row.index AS index, newer, v.sha256 = row.sha256 AS sameContent
      """;

  // Replaces everything the previous version of each episode said with what this version says.
  // Returns the nodes the old and new mentions point at, for clean-up and recomputation.
  private static final String REPLACE_MENTIONS =
      """
      UNWIND $rows AS row
      MATCH (e:MissingEpisode {key: row.key})-[:REPORTED_BY]->(f:Force)
      CALL (e) {
        OPTIONAL MATCH (e)-[m:CONCERNS|INVOLVES|WITH|MISSING_FROM|LAST_SEEN_AT|SIGHTED_AT|FOUND_AT|HOME_PLACE|LINKED_PHONE|LINKED_VEHICLE]->(old)
        DELETE m
        RETURN collect(DISTINCT elementId(old)) AS previous
      }
      MERGE (cr:ChildRecord {key: row.child.key})
        ON CREATE SET cr.force = row.force, cr.personRef = row.child.props.personRef
      WITH *
      CALL (cr, f) {
        WITH cr, f WHERE NOT EXISTS { (cr)-[:RECORDED_BY]->() }
        CREATE (cr)-[:RECORDED_BY]->(f)
      }
      CREATE (e)-[concerns:CONCERNS]->(cr)
      SET concerns = row.child.props
      WITH *
      CALL (cr) {
        WITH cr WHERE NOT EXISTS { (cr)-[:RECORD_OF]->(:Child) }
        CREATE (cr)-[:RECORD_OF]->(:Child {id: randomUUID()})
      }
      // The episode names its child's id, so lists that count children by their episodes read
      // it from the episode instead of walking two hops from each; identity resolution keeps it.
      CALL (e, cr) {
        MATCH (cr)-[:RECORD_OF]->(child:Child)
        SET e.childId = child.id
      }
      CALL (e, f, row) {
        UNWIND row.people AS p
        MERGE (pr:PersonRecord {key: p.key})
          ON CREATE SET pr.force = row.force, pr.personRef = p.props.personRef
        WITH *
        CALL (pr, f) {
          WITH pr, f WHERE NOT EXISTS { (pr)-[:RECORDED_BY]->() }
          CREATE (pr)-[:RECORDED_BY]->(f)
        }
        CREATE (e)-[m:INVOLVES]->(pr)
        SET m = p.props
        WITH pr
        CALL (pr) {
          WITH pr WHERE NOT EXISTS { (pr)-[:RECORD_OF]->(:Person) }
          CREATE (pr)-[:RECORD_OF]->(:Person {id: randomUUID()})
        }
        RETURN collect(elementId(pr)) AS people
      }
      CALL (e, row) {
        UNWIND row.with AS w
        MATCH (pr:PersonRecord {key: w.key})
        CREATE (e)-[m:WITH]->(pr)
        SET m = w.props
      }
      CALL (e, row) {
        UNWIND row.places AS p
        MERGE (pr:PlaceRecord {key: p.place.key})
          ON CREATE SET pr.writtenKeys = p.place.identityKeys, pr.name = p.place.name,
                        pr.line = p.place.line, pr.postcode = p.place.postcode,
                        pr.town = p.place.town, pr.district = p.place.district,
                        pr.authority = p.place.authority, pr.forceArea = p.place.forceArea,
                        pr.location = CASE WHEN p.place.lat IS NULL THEN null
                                      ELSE point({latitude: p.place.lat, longitude: p.place.lon}) END
        CREATE (e)-[m:$(p.type)]->(pr)
        SET m = p.props
        WITH pr, p
        // The forces that say a child was last seen, sighted or found so: with the place's
        // sightings, what lets placesOfConcern skip the places one force alone names. It only
        // grows, as sightings count withdrawn episodes too: an upper bound, never too low. The
        // lock is taken before the list is read again, so two forces adding themselves at once
        // do not lose one; it is taken only the first time a force writes the place so.
        CALL (pr, p, row) {
          WITH pr WHERE p.type IN ['LAST_SEEN_AT', 'SIGHTED_AT', 'FOUND_AT']
                    AND NOT row.force IN coalesce(pr.sightingForces, [])
          SET pr._LOCK_ = true
          WITH pr
          // Sorted, so the list does not depend on which force wrote the place first.
          UNWIND coalesce(pr.sightingForces, []) + row.force AS force
          WITH pr, force ORDER BY force
          WITH pr, collect(DISTINCT force) AS forces
          SET pr.sightingForces = forces
          REMOVE pr._LOCK_
        }
        WITH pr
        CALL (pr) {
          WITH pr WHERE NOT EXISTS { (pr)-[:RECORD_OF]->(:Place) }
          // A new way of writing a known place starts on that place, so that the place keeps
          // its id; identity resolution then settles where it belongs.
          WITH pr, COLLECT {
            UNWIND pr.writtenKeys AS value
            MATCH (:IdentityKey {value: value})<-[:HAS_KEY]-(:PlaceRecord)-[:RECORD_OF]->(known:Place)
            RETURN known.id ORDER BY known.id LIMIT 1
          }[0] AS knownId
          MERGE (pl:Place {id: coalesce(knownId, randomUUID())})
          CREATE (pr)-[:RECORD_OF]->(pl)
        }
        RETURN collect(elementId(pr)) AS places
      }
      CALL (e, row) {
        UNWIND row.phones AS p
        MERGE (ph:Phone {key: p.key})
          ON CREATE SET ph.id = randomUUID(), ph.number = p.key
        CREATE (e)-[m:LINKED_PHONE]->(ph)
        SET m = p.props
      }
      CALL (e, row) {
        UNWIND row.vehicles AS v
        MERGE (ve:Vehicle {key: v.key})
          ON CREATE SET ve.id = randomUUID(), ve.registration = v.key
        CREATE (e)-[m:LINKED_VEHICLE]->(ve)
        SET m = v.props
        RETURN collect(elementId(ve)) AS vehicles
      }
      RETURN previous + [elementId(cr)] + people + places + vehicles AS touched
      """;

  // A node no episode mentions any more goes, and so does a resolved entity left without records,
  // so that what the graph holds never depends on which superseded versions passed through it.
  // Returns the records removed, whose entities may have to be resolved again.
  private static final String REMOVE_ORPHANS =
      """
      UNWIND $touched AS id
      MATCH (n) WHERE elementId(n) = id AND NOT EXISTS { (n)<--(:MissingEpisode) }
      OPTIONAL MATCH (n)-[:RECORD_OF]->(resolved)
      CALL (n) {
        MATCH (n)<-[:BETWEEN]-(match:PossibleMatch)
        DETACH DELETE match
      }
      CALL (n) {
        MATCH (n)-[:HAS_KEY|HAS_MATCH_KEY]->(key)
        WHERE COUNT { (key)<-[:HAS_KEY|HAS_MATCH_KEY]-() } = 1
        DETACH DELETE key
      }
      DETACH DELETE n
      WITH collect(id) AS removed, collect(DISTINCT resolved) AS entities
      CALL (entities) {
        UNWIND entities AS resolved
        WITH resolved WHERE NOT EXISTS { (resolved)<-[:RECORD_OF]-() }
        DETACH DELETE resolved
      }
      RETURN removed
      """;

  // A force's record of a child or person shows what the latest episode that names it said;
  // withdrawn episodes count only when nothing else names it. Places, phones and vehicles keep
  // only their identity: a hotspot is named by thousands of episodes, and recomputing it on
  // every write would make ingest slower the more a place matters. Readers take the details
  // from the mentions. (A place record is one way of writing a place, so what it holds never
  // changes; only whether its keys count does, below.) Returns the records that are new or
  // whose keys changed: only they can change who is who.
  private static final String REFRESH_RECORDS =
      """
      UNWIND $touched AS id
      MATCH (n) WHERE elementId(n) = id AND (n:ChildRecord OR n:PersonRecord)
      // A record created by this write has no keys yet.
      WITH id, n, n.identityKeys IS NULL AS created,
           [coalesce(n.identityKeys, []), coalesce(n.matchKeys, [])] AS before
      CALL (n) {
        MATCH (n)<-[m:CONCERNS|INVOLVES]-(e:MissingEpisode)
        WITH m, e
        ORDER BY coalesce(e.withdrawn, false), e.reportedAt DESC, e.key DESC, m.ordinal
        LIMIT 1
        RETURN properties(m) AS latest, coalesce(e.withdrawn, false) AS onlyWithdrawn
      }
      WITH id, created, before, n, latest, onlyWithdrawn, n.key AS key, n.force AS force
      SET n = latest
      SET n.key = key, n.force = force
      // A record that only withdrawn episodes name proves nothing about who is who.
      SET n.identityKeys = CASE WHEN onlyWithdrawn THEN [] ELSE n.identityKeys END,
          n.matchKeys = CASE WHEN onlyWithdrawn THEN [] ELSE n.matchKeys END
      // How the person figured in one episode is not who they are.
      REMOVE n.ordinal, n.role, n.phones, n.vehicleCount
      WITH id, created, before, [coalesce(n.identityKeys, []), coalesce(n.matchKeys, [])] AS after
      RETURN collect(CASE WHEN created OR before <> after THEN id END) AS changed
      """;

  // A way of writing a place that only withdrawn episodes use proves nothing about which place
  // is which, as for a child's record; it counts again when an episode that is not withdrawn
  // writes the place so. Returns the records that are new or whose keys changed.
  private static final String REFRESH_PLACE_RECORDS =
      """
      UNWIND $touched AS id
      MATCH (r:PlaceRecord) WHERE elementId(r) = id
      WITH id, r, r.identityKeys IS NULL AS created, coalesce(r.identityKeys, []) AS before
      SET r.identityKeys =
        CASE WHEN EXISTS { (r)<-[]-(e:MissingEpisode) WHERE NOT coalesce(e.withdrawn, false) }
             THEN r.writtenKeys ELSE [] END
      RETURN collect(CASE WHEN created OR before <> r.identityKeys THEN id END) AS changed
      """;

  private final Driver driver;
  private final SessionConfig session;

  public EpisodeWriter(Driver driver, String database) {
    this.driver = driver;
    var config = SessionConfig.builder();
    if (database != null && !database.isBlank()) {
      config.withDatabase(database);
    }
    this.session = config.build();
  }

  /**
   * Writes the batch in one transaction and returns one result per record, in order. Records of
   * the same episode within the batch are applied in batch order, as if sent one after another.
   */
  public List<Result> write(List<EpisodeWrite> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    try (var s = driver.session(session)) {
      return s.executeWrite(tx -> writeInTransaction(tx, batch));
    }
  }

  private List<Result> writeInTransaction(TransactionContext tx, List<EpisodeWrite> batch) {
    Result[] results = new Result[batch.size()];
    for (List<Integer> round : rounds(batch)) {
      List<Map<String, Object>> rows = round.stream().map(i -> batch.get(i).upsertRow(i)).toList();
      List<Map<String, Object>> applied = new ArrayList<>();
      for (var record : tx.run(UPSERT_EPISODES, Map.of("rows", rows)).list()) {
        int index = record.get("index").asInt();
        if (record.get("newer").asBoolean()) {
          results[index] = Result.APPLIED;
          applied.add(batch.get(index).mentionsRow());
        } else {
          results[index] =
              record.get("sameContent").asBoolean()
                  ? Result.UNCHANGED
                  : Result.CONFLICTING_VERSION;
        }
      }
      if (applied.isEmpty()) {
        continue;
      }
      Set<String> touched = new LinkedHashSet<>();
      for (var record : tx.run(REPLACE_MENTIONS, Map.of("rows", applied)).list()) {
        touched.addAll(record.get("touched").asList(Value::asString));
      }
      Map<String, String> entityBefore = IdentityResolver.entityOfEach(tx, touched);
      Map<String, Object> params = Map.of("touched", List.copyOf(touched));
      // Who is who can change only through records that went, are new, or whose keys changed;
      // a child's next episode under the same name and date of birth changes nothing, and is
      // not resolved again.
      Set<String> changed = new LinkedHashSet<>();
      changed.addAll(ids(tx.run(REMOVE_ORPHANS, params), "removed"));
      changed.addAll(ids(tx.run(REFRESH_RECORDS, params), "changed"));
      changed.addAll(ids(tx.run(REFRESH_PLACE_RECORDS, params), "changed"));
      IdentityResolver.resolve(
          tx,
          changed,
          changed.stream().map(entityBefore::get).filter(Objects::nonNull).distinct().toList());
      PlaceSummary.recount(tx, touched, Set.copyOf(entityBefore.values()));
    }
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        throw new IllegalStateException("no result for record " + i + ": is its force seeded?");
      }
    }
    return List.of(results);
  }

  private static List<String> ids(org.neo4j.driver.Result result, String column) {
    return result.single().get(column).asList(Value::asString);
  }

  // Each round holds at most one record per episode, so no statement sees two versions of the
  // same episode at once; round n holds the batch positions of every episode's n-th record.
  private static List<List<Integer>> rounds(List<EpisodeWrite> batch) {
    List<List<Integer>> rounds = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      int round = seen.merge(batch.get(i).key(), 1, Integer::sum) - 1;
      if (round == rounds.size()) {
        rounds.add(new ArrayList<>());
      }
      rounds.get(round).add(i);
    }
    return rounds;
  }
}
