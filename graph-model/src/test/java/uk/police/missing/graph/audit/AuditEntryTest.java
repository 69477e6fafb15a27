package uk.police.missing.graph.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  @Test
  void requiresWhenWhoWhatAndHowItEnded() {
    assertThatNullPointerException()
        .isThrownBy(() -> entry(null, "s", "op", "OK", List.of()))
        .withMessage("at");
    assertThatNullPointerException()
        .isThrownBy(() -> entry(AT, null, "op", "OK", List.of()))
        .withMessage("subject");
    assertThatNullPointerException()
        .isThrownBy(() -> entry(AT, "s", null, "OK", List.of()))
        .withMessage("operation");
    assertThatNullPointerException()
        .isThrownBy(() -> entry(AT, "s", "op", null, List.of()))
        .withMessage("outcome");
  }

  @Test
  void keepsItsOwnCopyOfTheListsSoTheCallerCannotChangeWhatIsHashed() {
    List<String> children = new ArrayList<>(List.of("c-1", "c-2"));
    var entry = entry(AT, "s", "op", "OK", children);

    children.set(0, "c-9");

    assertThat(entry.childIds()).containsExactly("c-1", "c-2");
  }

  @Test
  void absentListsAreEmptyAndAbsentIdsAreRefused() {
    var entry =
        new AuditEntry(AT, "s", null, null, null, null, "op", null, null, null, null, "OK", null);

    assertThat(entry.roles()).isEmpty();
    assertThat(entry.childIds()).isEmpty();
    assertThat(entry.personIds()).isEmpty();
    assertThatNullPointerException()
        .isThrownBy(() -> entry(AT, "s", "op", "OK", Arrays.asList("c-1", null)));
  }

  private static AuditEntry entry(
      Instant at, String subject, String operation, String outcome, List<String> childIds) {
    return new AuditEntry(
        at, subject, null, null, null, List.of(), operation, null, null, childIds, List.of(),
        outcome, null);
  }
}
