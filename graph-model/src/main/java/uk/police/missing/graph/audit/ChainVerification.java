package uk.police.missing.graph.audit;

/**
 * The result of checking the whole audit chain. The problem names sequence numbers only, never a
 * record's contents, so it can go to a log or an alert as it is.
 *
 * @param intact true when every record from 1 to the head is present once, links to the one
 *     before and still matches its hash, and the head points at the last record
 * @param recordsChecked how many records, from sequence 1, were found sound before the first
 *     problem (all of them when intact)
 * @param firstBrokenSequence where the chain first breaks, or null when intact or when the
 *     problem is not at one position (a missing head, records outside the chain)
 * @param problem what is wrong, e.g. {@code record 17: stored hash does not match its
 *     contents}; null when intact
 */
public record ChainVerification(
    boolean intact, long recordsChecked, Long firstBrokenSequence, String problem) {

  static ChainVerification sound(long records) {
    return new ChainVerification(true, records, null, null);
  }

  static ChainVerification broken(long checked, Long at, String problem) {
    return new ChainVerification(false, checked, at, problem);
  }
}
