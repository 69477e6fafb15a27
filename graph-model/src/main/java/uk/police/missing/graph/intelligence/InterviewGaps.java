package uk.police.missing.graph.intelligence;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Found episodes whose return home interview was not completed within 72 hours of the child's
 * return, as statutory guidance asks (Department for Education, "Children who run away or go
 * missing from home or care", 2014: offered, and held within 72 hours). Reads only the process
 * (status and times), never what the child said.
 *
 * <p>Categories, in this order of precedence: NOT_RECORDED (the record has no interview, or says
 * it was completed without saying when); DECLINED; LATE (completed more than 72 hours after the
 * return, or offered and still not completed 72 hours after it); NOT_OFFERED (marked not
 * required, or recorded with no offer). An interview offered and not yet due, or completed within
 * 72 hours, is no gap.
 */
public final class InterviewGaps {

  /** Why an episode is a gap. */
  public enum Category {
    LATE,
    DECLINED,
    NOT_OFFERED,
    NOT_RECORDED
  }

  /** One gap: the episode, why, and the times the record gives. */
  public record Gap(
      String episodeKey,
      Category category,
      OffsetDateTime returnedAt,
      OffsetDateTime offeredAt,
      OffsetDateTime completedAt,
      Double hoursToInterview) {}

  /** The found episodes under the filter, by outcome; on time counts those with no gap. */
  public record Summary(long found, long onTime, long pending, Map<Category, Long> gaps) {}

  private static final String CLASSIFIED =
      """
      MATCH (e:MissingEpisode)
      WHERE %s AND e.foundAt IS NOT NULL
      WITH e, e.foundAt + duration({hours: 72}) AS due
      WITH e, CASE
        WHEN e.rhiStatus IS NULL THEN 'NOT_RECORDED'
        WHEN e.rhiStatus = 'DECLINED' THEN 'DECLINED'
        WHEN e.rhiCompletedAt IS NOT NULL AND e.rhiCompletedAt <= due THEN 'ON_TIME'
        WHEN e.rhiCompletedAt IS NOT NULL THEN 'LATE'
        WHEN e.rhiStatus = 'COMPLETED' THEN 'NOT_RECORDED'
        WHEN e.rhiStatus = 'NOT_REQUIRED' OR e.rhiOfferedAt IS NULL THEN 'NOT_OFFERED'
        WHEN due < $now THEN 'LATE'
        ELSE 'PENDING'
      END AS category
      """;

  private static final String PAGE =
      CLASSIFIED
          + """
          WITH e, category WHERE category IN $categories
          RETURN e.key AS key, category, e.foundAt AS returnedAt, e.rhiOfferedAt AS offeredAt,
                 e.rhiCompletedAt AS completedAt
          ORDER BY e.foundAt DESC, e.key SKIP $offset LIMIT $first
          """;

  private static final String SUMMARY =
      CLASSIFIED + "RETURN category, count(*) AS episodes";

  private final Neo4jClient neo4j;

  public InterviewGaps(Neo4jClient neo4j) {
    this.neo4j = neo4j;
  }

  /** How the found episodes under the filter stand, as of {@code now}. */
  public Summary summary(EpisodeFilter filter, OffsetDateTime now) {
    Map<String, Object> params = new HashMap<>(filter.parameters());
    params.put("now", now);
    Map<String, Long> counts = new HashMap<>();
    neo4j
        .query(SUMMARY.formatted(filter.condition("e")))
        .bindAll(params)
        .fetch()
        .all()
        .forEach(row -> counts.put((String) row.get("category"), (Long) row.get("episodes")));
    Map<Category, Long> gaps = new LinkedHashMap<>();
    for (Category c : Category.values()) {
      gaps.put(c, counts.getOrDefault(c.name(), 0L));
    }
    long found = counts.values().stream().mapToLong(Long::longValue).sum();
    return new Summary(found, counts.getOrDefault("ON_TIME", 0L), counts.getOrDefault("PENDING", 0L), gaps);
  }

  /** The gaps of the given categories, latest return first. */
  public List<Gap> page(
      EpisodeFilter filter, List<Category> categories, OffsetDateTime now, int offset, int first) {
    Map<String, Object> params = new HashMap<>(filter.parameters());
    params.put("now", now);
    params.put("categories", categories.stream().map(Enum::name).toList());
    params.put("offset", offset);
    params.put("first", first);
    return List.copyOf(
        neo4j
            .query(PAGE.formatted(filter.condition("e")))
            .bindAll(params)
            .fetchAs(Gap.class)
            .mappedBy(
                (types, row) -> {
                  OffsetDateTime returned = row.get("returnedAt").asOffsetDateTime();
                  OffsetDateTime completed = optional(row.get("completedAt"));
                  return new Gap(
                      row.get("key").asString(),
                      Category.valueOf(row.get("category").asString()),
                      returned,
                      optional(row.get("offeredAt")),
                      completed,
                      completed == null
                          ? null
                          : java.time.Duration.between(returned, completed).toMinutes() / 60.0);
                })
            .all());
  }

  private static OffsetDateTime optional(Value v) {
    return v.isNull() ? null : v.asOffsetDateTime();
  }
}
