package uk.police.missing.ingest.episode;

import java.util.List;

/**
 * The database could not be reached, even after the driver's retries, part-way through a
 * request. The lines in {@link #completed()} are settled; the rest were not written, and sending
 * the whole request again is safe because replays change nothing.
 */
public final class StoreUnavailableException extends RuntimeException {

  private final transient List<LineOutcome> completed;

  StoreUnavailableException(List<LineOutcome> completed, Throwable cause) {
    super("the graph database is unavailable", cause);
    this.completed = List.copyOf(completed);
  }

  public List<LineOutcome> completed() {
    return completed;
  }
}
