package uk.police.missing.ingest.validation;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** The outcome of validating one NDJSON line against the episode record contract. */
public sealed interface LineValidation permits LineValidation.Valid, LineValidation.Invalid {

  /** The line is a record of the contract; {@code record} is the parsed JSON object. */
  record Valid(JsonNode record) implements LineValidation {
    public Valid {
      Objects.requireNonNull(record, "record");
    }
  }

  /** The line breaks the contract; {@code reasons} lists every reason found, ordered by pointer. */
  record Invalid(List<Reason> reasons) implements LineValidation {
    public Invalid {
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("an invalid line needs at least one reason");
      }
    }
  }
}
