package uk.police.missing.graph.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * The append-only, hash-chained audit trail: who consulted which child or person, when, why, and
 * how it ended.
 *
 * <p>Each {@code (:AuditRecord)} holds every field of its {@link AuditEntry}, its {@code
 * sequence} (1, 2, 3, ... without gaps), the {@code previousHash} of the record before (64 zeros
 * for record 1) and its own {@code hash} over all of that (the canonical form is described on
 * {@link AuditHash} and in docs/graph-model.md). The single {@code (:AuditChain {id: 'main'})}
 * node, created by migration V0006, holds {@code lastSequence} and {@code lastHash}. An append
 * locks that node, so appends from any number of threads or service instances form one chain.
 * Each record links by {@code CONSULTED} to one {@code (:AuditSubject {kind, id})} per child or
 * person id it names, so the consultations of one child are found without scanning the trail.
 * Subjects are not the live {@code Child} or {@code Person} nodes: those can be merged or split
 * later, and the audit keeps what was returned then.
 *
 * <p>Neo4j cannot stop someone with database access from editing nodes; the chain makes such an
 * edit detectable by {@link #verify()}, not impossible. Safe for use by many threads at once.
 */
public final class AuditLog {

  /** The largest page {@link #page} and {@link #consultationsOf} hand out. */
  public static final int MAX_PAGE = 1000;

  private static final int VERIFY_BATCH = 1000;

  /** The most records one transaction appends. */
  static final int GROUP_LIMIT = 200;

  // Takes the head's write lock before reading it (the documented Neo4j idiom), so a concurrent
  // append waits here and then reads the head this one leaves behind. The lock property never
  // outlives the transaction: APPEND removes it, and a rollback undoes it.
  private static final String LOCK_HEAD =
      """
      MATCH (head:AuditChain {id: 'main'})
      SET head._LOCK_ = true
      RETURN head.lastSequence AS lastSequence, head.lastHash AS lastHash
      """;

  // The WHERE re-checks, under the lock, that the head is what the hash was computed from.
  private static final String APPEND =
      """
      MATCH (head:AuditChain {id: 'main'})
      WHERE head.lastSequence = $previousSequence AND head.lastHash = $previousHash
      CREATE (r:AuditRecord)
      SET r = $record
      SET head.lastSequence = r.sequence, head.lastHash = r.hash
      REMOVE head._LOCK_
      WITH r
      CALL (r) {
        UNWIND $subjects AS subject
        MERGE (s:AuditSubject {kind: subject.kind, id: subject.id})
        CREATE (r)-[:CONSULTED]->(s)
      }
      RETURN r.sequence AS sequence
      """;

  private static final String PAGE =
      """
      MATCH (r:AuditRecord)
      WHERE r.sequence > $after
      WITH r ORDER BY r.sequence LIMIT $limit
      RETURN properties(r) AS record
      """;

  // Both kinds are named so the lookup is a seek on the (kind, id) uniqueness constraint.
  private static final String CONSULTATIONS =
      """
      MATCH (s:AuditSubject)<-[:CONSULTED]-(r:AuditRecord)
      WHERE s.kind IN ['CHILD', 'PERSON'] AND s.id = $id
        AND ($before IS NULL OR r.sequence < $before)
      WITH DISTINCT r
      ORDER BY r.sequence DESC LIMIT $limit
      RETURN properties(r) AS record
      """;

  private static final String CHAIN_BATCH =
      """
      MATCH (r:AuditRecord)
      WHERE r.sequence > $after
      WITH r ORDER BY r.sequence LIMIT $limit
      RETURN properties(r) AS record,
             COLLECT { MATCH (r)-[:CONSULTED]->(s) RETURN [s.kind, s.id] } AS links
      """;

  private static final String HEAD =
      """
      MATCH (head:AuditChain {id: 'main'})
      RETURN head.lastSequence AS lastSequence, head.lastHash AS lastHash
      """;

  private static final String COUNT = "MATCH (r:AuditRecord) RETURN count(r) AS records";

  private static final Set<String> PROPERTIES =
      Set.of(
          "sequence", "hash", "previousHash", "at", "subject", "clientId", "force", "issuer",
          "roles", "operation", "variablesJson", "purpose", "childIds", "personIds", "outcome",
          "detail");

  private final Driver driver;
  private final SessionConfig session;
  private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writer = new ReentrantLock();
  private final int verifyBatch;

  /**
   * @param database the database holding the trail, or null/blank for the server's default
   */
  public AuditLog(Driver driver, String database) {
    this(driver, database, VERIFY_BATCH);
  }

  // Tests use a small batch to cross batch boundaries without writing thousands of records.
  AuditLog(Driver driver, String database, int verifyBatch) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.verifyBatch = verifyBatch;
    var config = SessionConfig.builder();
    if (database != null && !database.isBlank()) {
      config.withDatabase(database);
    }
    this.session = config.build();
  }

  /**
   * Appends one record at the end of the chain and returns once it is committed.
   *
   * <p>Appends from many threads are committed in groups: the thread that gets to write takes
   * every record waiting (up to {@value #GROUP_LIMIT}) and appends them in one transaction, so
   * one commit, not one per record, is paid under load, and no caller returns before its own
   * record is durable. A failed group fails every caller in it, and none of its records is
   * written.
   *
   * @throws AuditUnavailableException when the record could not be stored for any reason,
   *     including a missing chain head; nothing is then written
   */
  public StoredAuditRecord append(AuditEntry entry) {
    Pending mine = new Pending(Objects.requireNonNull(entry, "entry"));
    waiting.add(mine);
    writer.lock();
    try {
      while (mine.outcome == null) {
        List<Pending> group = new ArrayList<>();
        Pending next;
        while (group.size() < GROUP_LIMIT && (next = waiting.poll()) != null) {
          group.add(next);
        }
        write(group);
      }
    } finally {
      writer.unlock();
    }
    if (mine.outcome instanceof AuditUnavailableException failure) {
      throw new AuditUnavailableException(failure.getMessage(), failure.getCause());
    }
    return (StoredAuditRecord) mine.outcome;
  }

  private void write(List<Pending> group) {
    try (var s = driver.session(session)) {
      List<StoredAuditRecord> stored =
          s.executeWrite(tx -> append(tx, group.stream().map(p -> p.entry).toList()));
      for (int i = 0; i < group.size(); i++) {
        group.get(i).outcome = stored.get(i);
      }
    } catch (RuntimeException e) {
      AuditUnavailableException failure =
          e instanceof AuditUnavailableException unavailable
              ? unavailable
              : new AuditUnavailableException("the audit record could not be stored", e);
      group.forEach(p -> p.outcome = failure);
    }
  }

  /** An entry waiting to be appended; its outcome is set, under the writer lock, once. */
  private static final class Pending {
    private final AuditEntry entry;
    private volatile Object outcome;

    Pending(AuditEntry entry) {
      this.entry = entry;
    }
  }

  /**
   * The records that returned the child or person with this id, newest first.
   *
   * @param first how many, 1 to {@link #MAX_PAGE}
   * @param beforeSequence only records older than this one (the last sequence of the previous
   *     page), or null for the newest
   * @throws AuditUnavailableException when the trail cannot be read or a record is damaged
   */
  public List<StoredAuditRecord> consultationsOf(String id, int first, Long beforeSequence) {
    Objects.requireNonNull(id, "id");
    Map<String, Object> params = new HashMap<>();
    params.put("id", id);
    params.put("before", beforeSequence);
    params.put("limit", pageSize(first));
    return read(CONSULTATIONS, params);
  }

  /**
   * The trail in order, oldest first, for auditors reading all of it.
   *
   * @param afterSequence only records after this one (the last sequence of the previous page), or
   *     null to start at record 1
   * @param first how many, 1 to {@link #MAX_PAGE}
   * @throws AuditUnavailableException when the trail cannot be read or a record is damaged
   */
  public List<StoredAuditRecord> page(Long afterSequence, int first) {
    return read(
        PAGE, Map.of("after", afterSequence == null ? 0L : afterSequence, "limit", pageSize(first)));
  }

  /**
   * Checks the whole chain, a batch at a time: every record from 1 up is present once, names the
   * hash of the one before, still matches its own hash and is linked to exactly the subjects it
   * names; the head points at the last record; and no record sits outside the chain. Stops at the
   * first problem.
   *
   * <p>Reads go to the cluster leader: the verdict compares the head with the records, and
   * members that lag behind one another would otherwise make a sound chain look broken.
   *
   * @throws AuditUnavailableException when the database cannot be read
   */
  public ChainVerification verify() {
    try (var s = driver.session(session)) {
      return new Walk(s, verifyBatch).run();
    } catch (AuditUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new AuditUnavailableException("the audit trail could not be read", e);
    }
  }

  private static List<StoredAuditRecord> append(TransactionContext tx, List<AuditEntry> entries) {
    List<Record> heads = tx.run(LOCK_HEAD).list();
    if (heads.isEmpty()) {
      throw new AuditUnavailableException("the audit chain head is missing");
    }
    Head head = Head.of(heads.get(0));
    if (head == null) {
      throw new AuditUnavailableException("the audit chain head is damaged");
    }
    List<StoredAuditRecord> stored = new ArrayList<>(entries.size());
    long previousSequence = head.sequence();
    String previousHash = head.hash();
    for (AuditEntry entry : entries) {
      long sequence = previousSequence + 1;
      String hash = AuditHash.of(sequence, previousHash, entry);
      var appended =
          tx.run(
                  APPEND,
                  Map.of(
                      "previousSequence", previousSequence,
                      "previousHash", previousHash,
                      "record", properties(sequence, hash, previousHash, entry),
                      "subjects", subjects(entry)))
              .list();
      if (appended.isEmpty()) {
        throw new AuditUnavailableException("the audit chain head changed while locked");
      }
      stored.add(StoredAuditRecord.of(sequence, hash, previousHash, entry));
      previousSequence = sequence;
      previousHash = hash;
    }
    return stored;
  }

  private static Map<String, Object> properties(
      long sequence, String hash, String previousHash, AuditEntry e) {
    // A HashMap, because absent fields are null; SET r = $record leaves them off the node.
    Map<String, Object> p = new HashMap<>();
    p.put("sequence", sequence);
    p.put("hash", hash);
    p.put("previousHash", previousHash);
    p.put("at", OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
    p.put("subject", e.subject());
    p.put("clientId", e.clientId());
    p.put("force", e.force());
    p.put("issuer", e.issuer());
    p.put("roles", e.roles());
    p.put("operation", e.operation());
    p.put("variablesJson", e.variablesJson());
    p.put("purpose", e.purpose());
    p.put("childIds", e.childIds());
    p.put("personIds", e.personIds());
    p.put("outcome", e.outcome());
    p.put("detail", e.detail());
    return p;
  }

  // One link per distinct subject, however often the record names it.
  private static List<Map<String, Object>> subjects(AuditEntry e) {
    Set<List<String>> subjects = new LinkedHashSet<>();
    e.childIds().forEach(id -> subjects.add(List.of("CHILD", id)));
    e.personIds().forEach(id -> subjects.add(List.of("PERSON", id)));
    return subjects.stream()
        .map(s -> Map.<String, Object>of("kind", s.get(0), "id", s.get(1)))
        .toList();
  }

  private static int pageSize(int first) {
    if (first < 1 || first > MAX_PAGE) {
      throw new IllegalArgumentException("first must be 1 to " + MAX_PAGE);
    }
    return first;
  }

  private List<StoredAuditRecord> read(String cypher, Map<String, Object> params) {
    List<Record> rows;
    try (var s = driver.session(session)) {
      rows = s.executeRead(tx -> tx.run(cypher, params).list());
    } catch (RuntimeException e) {
      throw new AuditUnavailableException("the audit trail could not be read", e);
    }
    List<StoredAuditRecord> records = new ArrayList<>(rows.size());
    for (Record row : rows) {
      try {
        records.add(Stored.read(row.get("record").asMap()));
      } catch (Stored.Damaged e) {
        throw new AuditUnavailableException("a stored audit record is damaged; verify the chain");
      }
    }
    return records;
  }

  private record Head(long sequence, String hash) {

    /** The head, or null when its properties are not what the migration and appends write. */
    static Head of(Record row) {
      Object sequence = row.get("lastSequence").asObject();
      Object hash = row.get("lastHash").asObject();
      if (sequence instanceof Long && hash instanceof String) {
        return new Head((Long) sequence, (String) hash);
      }
      return null;
    }
  }

  /** Reads a stored record back exactly as append wrote it, or says it cannot. */
  private static final class Stored {

    private Stored() {}

    /** A stored record whose properties are missing, extra or of another type than written. */
    static final class Damaged extends Exception {
      private static final long serialVersionUID = 1L;

      Damaged(String what) {
        super(what, null, false, false);
      }
    }

    static StoredAuditRecord read(Map<String, Object> p) throws Damaged {
      if (!PROPERTIES.containsAll(p.keySet())) {
        throw new Damaged("holds a property that append never writes");
      }
      var entry =
          new AuditEntry(
              instant(p.get("at")),
              required(p, "subject"),
              text(p, "clientId"),
              text(p, "force"),
              text(p, "issuer"),
              list(p, "roles"),
              required(p, "operation"),
              text(p, "variablesJson"),
              text(p, "purpose"),
              list(p, "childIds"),
              list(p, "personIds"),
              required(p, "outcome"),
              text(p, "detail"));
      Object sequence = p.get("sequence");
      if (!(sequence instanceof Long)) {
        throw new Damaged("sequence is not a whole number");
      }
      return StoredAuditRecord.of(
          (Long) sequence, required(p, "hash"), required(p, "previousHash"), entry);
    }

    private static Instant instant(Object value) throws Damaged {
      if (value instanceof ZonedDateTime) {
        return ((ZonedDateTime) value).toInstant();
      }
      if (value instanceof OffsetDateTime) {
        return ((OffsetDateTime) value).toInstant();
      }
      throw new Damaged("a stored field is missing or has an unexpected type");
    }

    private static String required(Map<String, Object> p, String key) throws Damaged {
      String value = text(p, key);
      if (value == null) {
        throw new Damaged("a stored field is missing or has an unexpected type");
      }
      return value;
    }

    private static String text(Map<String, Object> p, String key) throws Damaged {
      Object value = p.get(key);
      if (value == null || value instanceof String) {
        return (String) value;
      }
      throw new Damaged("a stored field is missing or has an unexpected type");
    }

    // Append always writes the lists, even empty, so an absent one was removed afterwards.
    private static List<String> list(Map<String, Object> p, String key) throws Damaged {
      Object value = p.get(key);
      if (value instanceof List) {
        List<String> items = new ArrayList<>();
        for (Object item : (List<?>) value) {
          if (!(item instanceof String)) {
            throw new Damaged("a stored field is missing or has an unexpected type");
          }
          items.add((String) item);
        }
        return items;
      }
      throw new Damaged("a stored field is missing or has an unexpected type");
    }
  }

  /** One pass of {@link #verify()} over the chain, holding only the last record seen. */
  private static final class Walk {

    private final Session session;
    private final int batchSize;
    private long last;
    private String lastHash = AuditHash.GENESIS;
    private ChainVerification broken;

    Walk(Session session, int batchSize) {
      this.session = session;
      this.batchSize = batchSize;
    }

    ChainVerification run() {
      // Records and head commit together, so once the head says n, records up to n are there;
      // a head ahead of the records is only a fault if walking on finds nothing more.
      boolean walkedSinceHeadRead = true;
      while (true) {
        long before = last;
        if (!walkToTheEnd()) {
          return broken;
        }
        if (last > before) {
          walkedSinceHeadRead = true;
        }
        // Counted before the head is read, so every record counted is one the head can cover.
        long count = leader(tx -> tx.run(COUNT).single().get("records").asLong());
        List<Record> heads = leader(tx -> tx.run(HEAD).list());
        if (heads.isEmpty()) {
          return ChainVerification.broken(last, null, "the chain head is missing");
        }
        Head head = Head.of(heads.get(0));
        if (head == null) {
          return ChainVerification.broken(last, null, "the chain head is damaged");
        }
        if (head.sequence() > last && walkedSinceHeadRead) {
          // Appends may have committed since the walk passed; walk on once before judging.
          walkedSinceHeadRead = false;
          continue;
        }
        if (head.sequence() != last) {
          return ChainVerification.broken(
              Math.min(last, head.sequence()),
              Math.min(last, head.sequence()) + 1,
              "head points to " + head.sequence() + " but the last record is " + last);
        }
        if (!head.hash().equals(lastHash)) {
          return last == 0
              ? ChainVerification.broken(0, null, "head hash is not the genesis hash")
              : ChainVerification.broken(
                  last - 1, last, "head hash does not match record " + last);
        }
        if (count > last) {
          return ChainVerification.broken(
              last,
              null,
              count - last == 1
                  ? "1 audit record is outside the chain"
                  : (count - last) + " audit records are outside the chain");
        }
        return ChainVerification.sound(last);
      }
    }

    /** Checks every record after {@code last}; false once one is broken. */
    private boolean walkToTheEnd() {
      while (true) {
        long after = last;
        List<Record> batch =
            leader(tx -> tx.run(CHAIN_BATCH, Map.of("after", after, "limit", batchSize)).list());
        for (Record row : batch) {
          if (!check(row)) {
            return false;
          }
        }
        if (batch.size() < batchSize) {
          return true;
        }
      }
    }

    private boolean check(Record row) {
      long expected = last + 1;
      StoredAuditRecord record;
      try {
        record = Stored.read(row.get("record").asMap());
      } catch (Stored.Damaged e) {
        return fail(expected, "record " + expected + ": " + e.getMessage());
      }
      if (record.sequence() < expected) {
        return fail(record.sequence(), "record " + record.sequence() + " appears more than once");
      }
      if (record.sequence() > expected) {
        return fail(expected, "record " + expected + " missing");
      }
      if (!record.previousHash().equals(lastHash)) {
        return fail(
            expected,
            "record "
                + expected
                + ": previousHash does not match the hash of "
                + (last == 0 ? "the genesis" : "record " + last));
      }
      String recomputed = AuditHash.of(expected, record.previousHash(), record.entry());
      if (!recomputed.equals(record.hash())) {
        return fail(expected, "record " + expected + ": stored hash does not match its contents");
      }
      if (!links(row).equals(new HashSet<>(subjectsOf(record)))) {
        return fail(
            expected,
            "record " + expected + ": its CONSULTED links do not match its childIds and personIds");
      }
      last = expected;
      lastHash = record.hash();
      return true;
    }

    private boolean fail(long sequence, String problem) {
      broken = ChainVerification.broken(last, sequence, problem);
      return false;
    }

    private static Set<List<Object>> links(Record row) {
      Set<List<Object>> links = new HashSet<>();
      for (Value link : row.get("links").values()) {
        links.add(Arrays.asList(link.get(0).asObject(), link.get(1).asObject()));
      }
      return links;
    }

    private static List<List<Object>> subjectsOf(StoredAuditRecord r) {
      List<List<Object>> subjects = new ArrayList<>();
      r.childIds().forEach(id -> subjects.add(Arrays.asList("CHILD", id)));
      r.personIds().forEach(id -> subjects.add(Arrays.asList("PERSON", id)));
      return subjects;
    }

    // A write transaction that only reads: it runs on the leader, which has every commit.
    private <T> T leader(TransactionCallback<T> work) {
      return session.executeWrite(work);
    }
  }
}
