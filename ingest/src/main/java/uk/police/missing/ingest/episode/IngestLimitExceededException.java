package uk.police.missing.ingest.episode;

/** A request broke one of the limits of {@link IngestProperties}; nothing of it was written. */
public final class IngestLimitExceededException extends RuntimeException {

  private final long line;

  IngestLimitExceededException(String message, long line) {
    super(message);
    this.line = line;
  }

  /** The line at which the limit was crossed (0 when it is the body as a whole). */
  public long line() {
    return line;
  }
}
