package uk.police.missing.api.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.police.missing.api.EpisodeRecords.episode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import uk.police.missing.api.ApiTest;

/**
 * Return home interviews not completed within 72 hours of the return, by category, over
 * GraphQL: an analyst without the return-interviews permission sees whether and when, never what
 * the child said.
 */
class ReturnInterviewGapsTest extends ApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  @Test
  void eachFoundEpisodeFallsInOneCategoryAndOnlyGapsAreListed() {
    // Found two hours ago, offered, not yet due: neither on time nor a gap.
    String recent =
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            OffsetDateTime.now(ZoneOffset.UTC).withNano(0).minusHours(8));
    push(
        String.join(
            "\n",
            found("GMP-I-1", "2025-01-01T10:00:00Z").interview("COMPLETED", 4, 48).json(),
            found("GMP-I-2", "2025-01-02T10:00:00Z").interview("COMPLETED", 4, 100).json(),
            found("GMP-I-3", "2025-01-03T10:00:00Z").interview("DECLINED", 4, null).json(),
            found("GMP-I-4", "2025-01-04T10:00:00Z").interview("NOT_REQUIRED", null, null).json(),
            found("GMP-I-5", "2025-01-05T10:00:00Z").interview("OFFERED", 10, null).json(),
            found("GMP-I-6", "2025-01-06T10:00:00Z").json(),
            found("GMP-I-7", recent).interview("OFFERED", 0, null).json(),
            // Still missing: no return, so no interview is due.
            episode("GMP", "GMP-I-8", "2025-01-08T10:00:00Z").child("GMP-C-8", "Jory", "Testham", "2011-01-01").json(),
            // Another force's: outside the filter.
            episode("WMP", "WMP-I-9", "2025-01-09T10:00:00Z")
                .child("WMP-C-9", "Kit", "Testham", "2011-01-01")
                .found(5, null)
                .json()));

    Map<String, Object> gaps =
        graphQl("analyst")
            .document(
                "{ returnInterviewGaps(filter: {force: [\"GMP\"]}) { totalCount"
                    + " summary { found onTime pending late declined notOffered notRecorded }"
                    + " edges { node { category hoursToInterview episode { episodeRef"
                    + " returnInterview { status offeredAt completedAt } } } } } }")
            .retrieveSync("returnInterviewGaps")
            .toEntity(MAP);

    assertThat(gaps.get("summary"))
        .isEqualTo(
            Map.of(
                "found", 7, "onTime", 1, "pending", 1, "late", 2, "declined", 1, "notOffered", 1,
                "notRecorded", 1));
    assertThat(gaps.get("totalCount")).isEqualTo(5);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> edges = (List<Map<String, Object>>) gaps.get("edges");
    assertThat(edges.stream().map(e -> category(e) + ":" + ref(e)).toList())
        .containsExactly(
            "NOT_RECORDED:GMP-I-6", "LATE:GMP-I-5", "NOT_OFFERED:GMP-I-4", "DECLINED:GMP-I-3", "LATE:GMP-I-2");
    assertThat(edges.get(4).toString()).contains("hoursToInterview=100.0");
  }

  @Test
  void oneCategoryAndThePeriodNarrowTheList() {
    push(
        String.join(
            "\n",
            found("GMP-J-1", "2025-01-01T10:00:00Z").interview("DECLINED", 4, null).json(),
            found("GMP-J-2", "2025-04-01T10:00:00Z").interview("DECLINED", 4, null).json(),
            found("GMP-J-3", "2025-04-02T10:00:00Z").interview("COMPLETED", 4, 90).json()));

    Map<String, Object> declined =
        graphQl()
            .document(
                "{ returnInterviewGaps(filter: {force: [\"GMP\"], from: \"2025-04-01T00:00:00Z\","
                    + " until: \"2025-07-01T00:00:00Z\"}, category: [DECLINED]) { totalCount"
                    + " summary { found late } edges { node { episode { episodeRef } } } } }")
            .retrieveSync("returnInterviewGaps")
            .toEntity(MAP);

    assertThat(declined.get("totalCount")).isEqualTo(1);
    assertThat(declined.toString()).contains("GMP-J-2").doesNotContain("GMP-J-1");
    assertThat(declined.get("summary")).isEqualTo(Map.of("found", 2, "late", 1));
  }

  private static uk.police.missing.api.EpisodeRecords found(String ref, String reportedAt) {
    return episode("GMP", ref, reportedAt)
        .child("GMP-C-" + ref, "Lark", "Testham", "2010-06-06")
        .found(6, null);
  }

  @SuppressWarnings("unchecked")
  private static String category(Map<String, Object> edge) {
    return (String) ((Map<String, Object>) edge.get("node")).get("category");
  }

  @SuppressWarnings("unchecked")
  private static String ref(Map<String, Object> edge) {
    return (String) ((Map<String, Object>) ((Map<String, Object>) edge.get("node")).get("episode")).get("episodeRef");
  }
}
