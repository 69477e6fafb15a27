package uk.police.missing.ingest.episode;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of one line. */
public enum Outcome {
  /** Stored: the episode now stands as this record says. */
  ACCEPTED,
  /** Valid, but the stored episode already has this version or a later one. */
  UNCHANGED,
  /** Not stored, for the reasons given. */
  REJECTED;

  @JsonValue
  String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
