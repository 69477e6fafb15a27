package uk.police.missing.ingest.validation;

import java.util.Objects;

/**
 * One reason a line of the episode record contract was rejected.
 *
 * @param pointer RFC 6901 JSON Pointer to the offending field of the record, {@code ""} for the
 *     whole line
 * @param message what is wrong, written for the developer of the force system that sent the line
 */
public record Reason(String pointer, String message) {

  public Reason {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }
}
