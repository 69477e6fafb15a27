package uk.police.missing.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * A question bigger than the database lets one request hold in memory (every place in the
 * country at ten years of data) is the reader's to narrow, answered as a bad request, not as an
 * internal error. Community Edition cannot lower its limit while running, so the exception is
 * built as Spring Data Neo4j hands it over; the ten-year benchmark meets the real one.
 */
class MemoryLimitTest {

  @Test
  void theDatabasesMemoryLimitIsRecognisedThroughSpringsTranslation() {
    var fromDriver =
        new TransientException(
            "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
            "The allocation of an extra 2.0 MiB would use more than the limit 5.6 GiB.");
    var translated = new TransientDataAccessResourceException(fromDriver.getMessage(), fromDriver);

    assertThat(InternalErrors.pastMemoryLimit(translated)).isTrue();
  }

  @Test
  void otherTransientFailuresAreNotTakenForTheMemoryLimit() {
    var deadlock =
        new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "can't acquire ExclusiveLock");

    assertThat(InternalErrors.pastMemoryLimit(new TransientDataAccessResourceException("x", deadlock))).isFalse();
    assertThat(InternalErrors.pastMemoryLimit(new IllegalStateException("no cause"))).isFalse();
  }
}
