package uk.police.missing.graph.intelligence;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One episode that puts a child in a result: which force recorded it, when, and how it links the
 * child to the thing listed.
 *
 * @param entityId the place, person, phone or vehicle (or the group's first person) it is
 *     evidence for
 * @param roles how the episode links them: FOUND_AT, SIGHTED_AT, LAST_SEEN_AT, MISSING_FROM, an
 *     associate's role (SUSPECTED_EXPLOITER, ...), LINKED_PHONE, LINKED_VEHICLE
 * @param via for a phone or vehicle, the force's reference of the associate it was recorded
 *     against; null when it was on the episode itself
 * @param childId the child the episode is about
 */
public record Evidence(
    String entityId,
    String force,
    String episodeRef,
    OffsetDateTime reportedAt,
    OffsetDateTime foundAt,
    String status,
    String riskLevel,
    List<String> roles,
    List<String> via,
    String childId) {}
