package uk.police.missing.graph.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Config;
import org.neo4j.driver.GraphDatabase;
import uk.police.missing.graph.testing.TestNeo4j;

class AuditLogTest {

  private static final String GENESIS = "0".repeat(64);
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");

  private final AuditLog log = new AuditLog(TestNeo4j.driver(), null);

  @BeforeEach
  void emptyTrail() {
    TestNeo4j.resetAuditTrail();
  }

  @Test
  void appendsFormAnUnbrokenChainFromGenesis() {
    var first = log.append(consulted("OP-1", "c-1"));
    var second = log.append(consulted("OP-2", "c-2"));
    var third = log.append(consulted("OP-3", "c-1"));

    assertThat(List.of(first.sequence(), second.sequence(), third.sequence()))
        .containsExactly(1L, 2L, 3L);
    assertThat(first.previousHash()).isEqualTo(GENESIS);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(third.previousHash()).isEqualTo(second.hash());
    assertThat(third.hash()).matches("[0-9a-f]{64}");
    var head = row("MATCH (h:AuditChain {id: 'main'}) RETURN h.lastSequence AS s, h.lastHash AS h");
    assertThat(head.get("s").asLong()).isEqualTo(3);
    assertThat(head.get("h").asString()).isEqualTo(third.hash());
    assertThat(log.page(null, 10)).containsExactly(first, second, third);
    assertThat(log.verify()).isEqualTo(new ChainVerification(true, 3, null, null));
  }

  @Test
  void everyFieldReadsBackExactlyAsAppended() {
    var entry =
        new AuditEntry(
            AT,
            "analyst-7",
            "intelligence-portal",
            "GMP",
            "https://id.example.police.uk/realms/missing",
            List.of("ANALYST", "REVIEWER"),
            "childTimeline",
            "{\"id\":\"c-1\",\"first\":20}",
            "OP-ÉLAN/2026/17 \u2014 \"quoted\"\nsecond line",
            List.of("c-1", "c-2", "c-1"),
            List.of("p-1"),
            "OK",
            "");
    var sparse =
        new AuditEntry(
            AT, "anonymous", null, null, null, null, "ingest", null, null, null, null, "REFUSED",
            "no token");

    var stored = log.append(entry);
    var storedSparse = log.append(sparse);

    assertThat(stored.entry()).isEqualTo(entry);
    assertThat(storedSparse.entry()).isEqualTo(sparse);
    assertThat(log.page(null, 10)).containsExactly(stored, storedSparse);
    assertThat(log.verify().intact()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SET r.purpose = 'OP-999'",
        "SET r.childIds = ['c-1', 'c-9']",
        "SET r.outcome = 'REFUSED'",
        "SET r.at = r.at + duration('PT1S')",
        "SET r.roles = []",
        "SET r.detail = 'added later'",
        "REMOVE r.clientId"
      })
  void verificationDetectsAnAlteredField(String alteration) {
    appendFive();

    alter("MATCH (r:AuditRecord {sequence: 3}) " + alteration);

    assertThat(log.verify())
        .isEqualTo(
            new ChainVerification(
                false, 2, 3L, "record 3: stored hash does not match its contents"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SET r.purpose = 42",
        "SET r.at = '2026-03-01T10:15:30Z'",
        "REMOVE r.personIds",
        "SET r.note = 'a property append never writes'"
      })
  void verificationDetectsAFieldAppendCouldNotHaveWritten(String alteration) {
    appendFive();

    alter("MATCH (r:AuditRecord {sequence: 3}) " + alteration);

    var verification = log.verify();
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenSequence()).isEqualTo(3L);
    assertThat(verification.problem()).startsWith("record 3: ");
  }

  @Test
  void verificationDetectsADeletedRecord() {
    appendFive();

    alter("MATCH (r:AuditRecord {sequence: 3}) DETACH DELETE r");

    assertThat(log.verify()).isEqualTo(new ChainVerification(false, 2, 3L, "record 3 missing"));
  }

  @Test
  void verificationDetectsADeletedLastRecordThroughTheHead() {
    appendFive();

    alter("MATCH (r:AuditRecord {sequence: 5}) DETACH DELETE r");

    assertThat(log.verify())
        .isEqualTo(
            new ChainVerification(false, 4, 5L, "head points to 5 but the last record is 4"));
  }

  @Test
  void verificationDetectsAHeadWoundBack() {
    List<StoredAuditRecord> records = appendFive();

    alter(
        "MATCH (h:AuditChain {id: 'main'}) SET h.lastSequence = 3, h.lastHash = $hash",
        Map.of("hash", records.get(2).hash()));

    assertThat(log.verify())
        .isEqualTo(
            new ChainVerification(false, 3, 4L, "head points to 3 but the last record is 5"));
  }

  // An attacker who alters a record and recomputes its hash (the form is public) still cannot
  // make the next record point at it without rewriting everything after it, and the head.
  @Test
  void verificationDetectsARecordWhoseHashWasRecomputed() {
    List<StoredAuditRecord> records = appendFive();
    var forged = withPurpose(records.get(2).entry(), "OP-FORGED");

    alter(
        "MATCH (r:AuditRecord {sequence: 3}) SET r.purpose = 'OP-FORGED', r.hash = $hash",
        Map.of("hash", AuditHash.of(3, records.get(1).hash(), forged)));

    assertThat(log.verify())
        .isEqualTo(
            new ChainVerification(
                false, 3, 4L, "record 4: previousHash does not match the hash of record 3"));
  }

  @Test
  void verificationDetectsALastRecordWhoseHashWasRecomputed() {
    List<StoredAuditRecord> records = appendFive();
    var forged = withPurpose(records.get(4).entry(), "OP-FORGED");

    alter(
        "MATCH (r:AuditRecord {sequence: 5}) SET r.purpose = 'OP-FORGED', r.hash = $hash",
        Map.of("hash", AuditHash.of(5, records.get(3).hash(), forged)));

    assertThat(log.verify())
        .isEqualTo(new ChainVerification(false, 4, 5L, "head hash does not match record 5"));
  }

  @Test
  void verificationDetectsReorderedRecords() {
    appendFive();

    alter(
        """
        MATCH (a:AuditRecord {sequence: 2}), (b:AuditRecord {sequence: 3})
        SET a.sequence = -2
        SET b.sequence = 2
        SET a.sequence = 3
        """);

    assertThat(log.verify())
        .isEqualTo(
            new ChainVerification(
                false, 1, 2L, "record 2: previousHash does not match the hash of record 1"));
  }

  // "Who looked at this child" follows the links, which the hash does not cover: verification
  // checks them against the hashed id lists, so a link cut to hide a consultation is found.
  @Test
  void verificationDetectsACutConsultedLink() {
    appendFive();

    alter("MATCH (:AuditRecord {sequence: 4})-[l:CONSULTED]->(:AuditSubject {id: 'c-1'}) DELETE l");

    assertThat(log.verify())
        .isEqualTo(
            new ChainVerification(
                false,
                3,
                4L,
                "record 4: its CONSULTED links do not match its childIds and personIds"));
    assertThat(log.consultationsOf("c-1", 10, null)).extracting(StoredAuditRecord::sequence)
        .doesNotContain(4L);
  }

  @Test
  void verificationDetectsARecordOutsideTheChain() {
    appendFive();

    alter("CREATE (:AuditRecord {sequence: 'six', purpose: 'slipped in'})");

    assertThat(log.verify())
        .isEqualTo(new ChainVerification(false, 5, null, "1 audit record is outside the chain"));
  }

  @Test
  void verificationReadsTheChainInBatches() {
    var records = new ArrayList<StoredAuditRecord>();
    for (int i = 1; i <= 23; i++) {
      records.add(log.append(consulted("OP-" + i, "c-" + (i % 4))));
    }
    var smallBatches = new AuditLog(TestNeo4j.driver(), null, 5);

    assertThat(smallBatches.verify()).isEqualTo(new ChainVerification(true, 23, null, null));

    alter("MATCH (r:AuditRecord {sequence: 11}) SET r.purpose = 'OP-99'");

    assertThat(smallBatches.verify())
        .isEqualTo(
            new ChainVerification(
                false, 10, 11L, "record 11: stored hash does not match its contents"));
  }

  @Test
  void anEmptyTrailIsIntact() {
    assertThat(log.verify()).isEqualTo(new ChainVerification(true, 0, null, null));
    assertThat(log.page(null, 10)).isEmpty();
  }

  @Test
  void concurrentAppendsKeepOneChain() throws Exception {
    int threads = 8;
    int each = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String child = "c-" + t;
        futures.add(
            pool.submit(
                () -> {
                  List<Long> sequences = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    sequences.add(log.append(consulted("OP-" + child + "-" + i, child)).sequence());
                  }
                  return sequences;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (var future : futures) {
        all.addAll(future.get());
      }

      assertThat(all)
          .containsExactlyInAnyOrderElementsOf(
              LongStream.rangeClosed(1, (long) threads * each).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
    assertThat(log.verify()).isEqualTo(new ChainVerification(true, 400, null, null));
    assertThat(log.consultationsOf("c-3", 100, null)).hasSize(50);
  }

  @Test
  void appendFailsWhenTheChainHeadIsMissing() {
    log.append(consulted("OP-1", "c-1"));
    alter("MATCH (h:AuditChain) DETACH DELETE h");

    assertThatThrownBy(() -> log.append(consulted("OP-2", "c-2")))
        .isInstanceOf(AuditUnavailableException.class)
        .hasMessageNotContaining("OP-2")
        .hasMessageNotContaining("c-2");

    assertThat(count("MATCH (r:AuditRecord) RETURN count(r)")).isEqualTo(1);
    assertThat(count("MATCH (s:AuditSubject {id: 'c-2'}) RETURN count(s)")).isZero();
    assertThat(count("MATCH (h:AuditChain) RETURN count(h)")).isZero();
    assertThat(log.verify())
        .isEqualTo(new ChainVerification(false, 1, null, "the chain head is missing"));
  }

  @Test
  void appendFailsWhenTheDatabaseIsAway() {
    // Nothing listens on port 1; no retries, so the test does not wait out the retry budget.
    var config = Config.builder().withMaxTransactionRetryTime(0, TimeUnit.MILLISECONDS).build();
    try (var away = GraphDatabase.driver("bolt://127.0.0.1:1", config)) {
      var unreachable = new AuditLog(away, null);

      assertThatThrownBy(() -> unreachable.append(consulted("OP-1", "c-1")))
          .isInstanceOf(AuditUnavailableException.class);
      assertThatThrownBy(unreachable::verify).isInstanceOf(AuditUnavailableException.class);
      assertThatThrownBy(() -> unreachable.page(null, 1))
          .isInstanceOf(AuditUnavailableException.class);
    }
  }

  @Test
  void consultationsOfAChildAreNewestFirstAndPaged() {
    log.append(consulted("OP-1", "c-1"));
    log.append(consulted("OP-2", "c-2"));
    log.append(consulted("OP-3", "c-1", "c-2"));
    log.append(consultedPeople("OP-4", "c-1"));
    log.append(consulted("OP-5", "c-1", "c-1"));
    log.append(consulted("OP-6", "c-3"));
    log.append(consulted("OP-7", "c-1"));

    var newest = log.consultationsOf("c-1", 2, null);
    var older = log.consultationsOf("c-1", 2, newest.get(1).sequence());
    var oldest = log.consultationsOf("c-1", 2, older.get(1).sequence());
    var none = log.consultationsOf("c-1", 2, oldest.get(0).sequence());

    // Record 4 returned a person whose id is c-1: asking by id finds children and people alike,
    // and record 5, which named c-1 twice, comes once.
    assertThat(newest).extracting(StoredAuditRecord::sequence).containsExactly(7L, 5L);
    assertThat(older).extracting(StoredAuditRecord::sequence).containsExactly(4L, 3L);
    assertThat(oldest).extracting(StoredAuditRecord::sequence).containsExactly(1L);
    assertThat(none).isEmpty();
    assertThat(newest.get(0).purpose()).isEqualTo("OP-7");
    assertThat(log.consultationsOf("c-2", 10, null))
        .extracting(StoredAuditRecord::sequence)
        .containsExactly(3L, 2L);
    assertThat(log.consultationsOf("p-c-1", 10, null))
        .extracting(StoredAuditRecord::sequence)
        .containsExactly(4L);
    assertThat(log.consultationsOf("nobody", 10, null)).isEmpty();
  }

  @Test
  void consultationsAreNotLinkedToTheLiveEntities() {
    alter("CREATE (:Child {id: 'c-live'})");

    log.append(consulted("OP-1", "c-live"));

    assertThat(count("MATCH (:AuditSubject)--(:Child) RETURN count(*)")).isZero();
    assertThat(count("MATCH (:AuditRecord)--(:Child) RETURN count(*)")).isZero();
    alter("MATCH (c:Child {id: 'c-live'}) DELETE c");
    assertThat(log.consultationsOf("c-live", 10, null)).hasSize(1);
  }

  @Test
  void pageReadsTheWholeTrailOldestFirst() {
    for (int i = 1; i <= 7; i++) {
      log.append(consulted("OP-" + i, "c-1"));
    }

    var first = log.page(null, 3);
    var second = log.page(first.get(2).sequence(), 3);
    var third = log.page(second.get(2).sequence(), 3);

    assertThat(first).extracting(StoredAuditRecord::sequence).containsExactly(1L, 2L, 3L);
    assertThat(second).extracting(StoredAuditRecord::sequence).containsExactly(4L, 5L, 6L);
    assertThat(third).extracting(StoredAuditRecord::sequence).containsExactly(7L);
  }

  @Test
  void pagesAreBetweenOneAndTheMaximum() {
    assertThatIllegalArgumentException().isThrownBy(() -> log.page(null, 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> log.consultationsOf("c-1", AuditLog.MAX_PAGE + 1, null));
  }

  @Test
  void recordsKeepInjectionStringsAsPlainText() {
    String injection = "x' }) MATCH (n) DETACH DELETE n //";
    long nodesBefore = count("MATCH (n) RETURN count(n)");
    long forcesBefore = count("MATCH (f:Force) RETURN count(f)");
    var entry =
        new AuditEntry(
            AT,
            injection,
            "`) DETACH DELETE n //",
            "GMP",
            null,
            List.of(injection),
            "child",
            "{\"id\":\"" + injection + "\"}",
            injection,
            List.of(injection),
            List.of("$id"),
            "OK",
            "}]->() MATCH (m) SET m.pwned = true //");

    var stored = log.append(entry);

    assertThat(log.page(null, 10)).singleElement().isEqualTo(stored);
    assertThat(stored.entry()).isEqualTo(entry);
    assertThat(log.consultationsOf(injection, 10, null)).containsExactly(stored);
    // One record and its two subjects, nothing deleted, nothing marked.
    assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(nodesBefore + 3);
    assertThat(count("MATCH (f:Force) RETURN count(f)")).isEqualTo(forcesBefore);
    assertThat(count("MATCH (n) WHERE n.pwned IS NOT NULL RETURN count(n)")).isZero();
    assertThat(log.verify().intact()).isTrue();
  }

  private List<StoredAuditRecord> appendFive() {
    List<StoredAuditRecord> records = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      records.add(log.append(consulted("OP-" + i, "c-1", "c-" + (i + 1))));
    }
    return records;
  }

  private static AuditEntry consulted(String purpose, String... childIds) {
    return new AuditEntry(
        AT,
        "analyst-7",
        "intelligence-portal",
        "GMP",
        "https://id.example.police.uk/realms/missing",
        List.of("ANALYST"),
        "child",
        "{\"id\":\"" + childIds[0] + "\"}",
        purpose,
        List.of(childIds),
        List.of(),
        "OK",
        null);
  }

  private static AuditEntry consultedPeople(String purpose, String personId) {
    return new AuditEntry(
        AT, "analyst-7", null, "GMP", null, List.of("ANALYST"), "person", null, purpose,
        List.of(), List.of(personId, "p-" + personId), "OK", null);
  }

  private static AuditEntry withPurpose(AuditEntry e, String purpose) {
    return new AuditEntry(
        e.at(), e.subject(), e.clientId(), e.force(), e.issuer(), e.roles(), e.operation(),
        e.variablesJson(), purpose, e.childIds(), e.personIds(), e.outcome(), e.detail());
  }

  private static void alter(String cypher) {
    alter(cypher, Map.of());
  }

  private static void alter(String cypher, Map<String, Object> params) {
    TestNeo4j.driver().executableQuery(cypher).withParameters(params).execute();
  }

  private static org.neo4j.driver.Record row(String cypher) {
    return TestNeo4j.driver().executableQuery(cypher).execute().records().get(0);
  }

  private static long count(String cypher) {
    return row(cypher).get(0).asLong();
  }
}
