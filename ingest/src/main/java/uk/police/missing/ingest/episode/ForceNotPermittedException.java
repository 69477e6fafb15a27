package uk.police.missing.ingest.episode;

/**
 * A request holds a record of a force its sender may not write. The whole request is refused
 * and nothing of it is written, because a force system that sends another force's records is
 * misconfigured or compromised, and half a request would be harder to put right than none.
 */
public final class ForceNotPermittedException extends RuntimeException {

  private final long line;
  private final String force;

  public ForceNotPermittedException(long line, String force) {
    super("line " + line + " is a record of force " + force + ", which this sender may not write");
    this.line = line;
    this.force = force;
  }

  public long line() {
    return line;
  }

  public String force() {
    return force;
  }
}
