package uk.police.missing.ingest.episode;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import uk.police.missing.ingest.validation.Reason;

/**
 * The outcome of one line of a request.
 *
 * @param line the line's number in the request body, from 1
 * @param force the record's force, when it could be read
 * @param episodeRef the record's episode reference, when it could be read
 * @param recordVersion the record's version, when it could be read
 * @param reasons why a line was rejected: JSON Pointer and message, every one found
 * @param note anything else the sender should know about an accepted or unchanged line
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LineOutcome(
    long line,
    Outcome outcome,
    String force,
    String episodeRef,
    Long recordVersion,
    List<Reason> reasons,
    String note) {}
