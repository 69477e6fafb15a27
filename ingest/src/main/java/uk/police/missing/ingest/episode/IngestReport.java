package uk.police.missing.ingest.episode;

import java.util.List;

/** One outcome per non-blank line of a request, in line order, and their totals. */
public record IngestReport(Totals totals, List<LineOutcome> results) {

  /** How many lines had each outcome. */
  public record Totals(long lines, long accepted, long unchanged, long rejected) {}

  static IngestReport of(List<LineOutcome> results) {
    long accepted = results.stream().filter(r -> r.outcome() == Outcome.ACCEPTED).count();
    long unchanged = results.stream().filter(r -> r.outcome() == Outcome.UNCHANGED).count();
    long rejected = results.stream().filter(r -> r.outcome() == Outcome.REJECTED).count();
    return new IngestReport(
        new Totals(results.size(), accepted, unchanged, rejected), List.copyOf(results));
  }
}
