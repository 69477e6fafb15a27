package uk.police.missing.graph.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditHashTest {

  // Computed outside Java, with Python's hashlib, from the canonical form as AuditHash documents
  // it: an auditor's own tool gets the same answer, and the form cannot drift unnoticed.
  @Test
  void matchesTheDocumentedCanonicalFormComputedIndependently() {
    var entry =
        new AuditEntry(
            Instant.parse("2026-03-01T10:15:30.120Z"),
            "analyst-7",
            null,
            "GMP",
            "https://id.example.police.uk",
            List.of("ANALYST", "REVIEWER"),
            "child",
            "{\"id\":\"c-1\"}",
            "OP-ÉLAN/2026/17",
            List.of("c-1"),
            List.of(),
            "OK",
            null);

    assertThat(AuditHash.of(1, AuditHash.GENESIS, entry))
        .isEqualTo("23bc7db1c8c58a473e3fa1edf4abf24b82efd1ecfb188179ab6a99c5a9de1824");
  }

  @Test
  void textMovedAcrossAFieldBoundaryChangesTheHash() {
    var a = entry("ab", "c", List.of("x", "y"));
    var b = entry("a", "bc", List.of("xy"));

    assertThat(AuditHash.of(1, AuditHash.GENESIS, a))
        .isNotEqualTo(AuditHash.of(1, AuditHash.GENESIS, b));
  }

  @Test
  void anAbsentFieldIsNotAnEmptyOne() {
    assertThat(AuditHash.of(1, AuditHash.GENESIS, entry("s", null, List.of())))
        .isNotEqualTo(AuditHash.of(1, AuditHash.GENESIS, entry("s", "", List.of())));
  }

  @Test
  void theSequenceAndThePreviousHashAreCovered() {
    var e = entry("s", "c", List.of());

    assertThat(AuditHash.of(1, AuditHash.GENESIS, e)).isNotEqualTo(AuditHash.of(2, AuditHash.GENESIS, e));
    assertThat(AuditHash.of(1, AuditHash.GENESIS, e)).isNotEqualTo(AuditHash.of(1, "1".repeat(64), e));
  }

  @Test
  void theSameInstantHashesTheSameWhateverPrecisionItWasWrittenWith() {
    var whole = entry(Instant.parse("2026-03-01T10:15:30Z"));
    var nanos = entry(Instant.parse("2026-03-01T10:15:30.000000000Z"));
    var later = entry(Instant.parse("2026-03-01T10:15:30.000000001Z"));

    assertThat(AuditHash.of(1, AuditHash.GENESIS, whole)).isEqualTo(AuditHash.of(1, AuditHash.GENESIS, nanos));
    assertThat(AuditHash.of(1, AuditHash.GENESIS, whole)).isNotEqualTo(AuditHash.of(1, AuditHash.GENESIS, later));
  }

  private static AuditEntry entry(String subject, String clientId, List<String> childIds) {
    return new AuditEntry(
        Instant.parse("2026-03-01T10:15:30Z"), subject, clientId, null, null, List.of(), "op",
        null, null, childIds, List.of(), "OK", null);
  }

  private static AuditEntry entry(Instant at) {
    return new AuditEntry(
        at, "s", null, null, null, List.of(), "op", null, null, List.of(), List.of(), "OK", null);
  }
}
