package uk.police.missing.api.lists;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.police.missing.api.filter.FilterInput;
import uk.police.missing.api.filter.Filters;
import uk.police.missing.api.graphql.Connection;
import uk.police.missing.graph.episode.EpisodeQueries;
import uk.police.missing.graph.intelligence.EpisodeFilter;
import uk.police.missing.graph.intelligence.InterviewGaps;
import uk.police.missing.graph.intelligence.InterviewGaps.Category;
import uk.police.missing.graph.intelligence.InterviewGaps.Gap;
import uk.police.missing.graph.intelligence.Page;

/** Found episodes whose return home interview did not happen within 72 hours of the return. */
@Controller
class InterviewGapController {

  /** The connection with the outcome of every found episode under the filter. */
  record GapConnection(
      List<Connection.Edge<Gap>> edges,
      Connection.PageInfo pageInfo,
      long totalCount,
      Map<String, Long> summary) {}

  private final InterviewGaps gaps;
  private final EpisodeQueries episodes;
  private final Filters filters;

  InterviewGapController(InterviewGaps gaps, EpisodeQueries episodes, Filters filters) {
    this.gaps = gaps;
    this.episodes = episodes;
    this.filters = filters;
  }

  @QueryMapping
  GapConnection returnInterviewGaps(
      @Argument FilterInput filter,
      @Argument List<String> category,
      @Argument int first,
      @Argument String after) {
    EpisodeFilter checked = filters.episodes(filter);
    List<Category> categories =
        category == null || category.isEmpty()
            ? List.of(Category.values())
            : category.stream().distinct().map(Category::valueOf).toList();
    // One instant for the summary and the page, so a gap falling due between them cannot make
    // the two disagree.
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    InterviewGaps.Summary summary = gaps.summary(checked, now);
    long total = categories.stream().mapToLong(c -> summary.gaps().get(c)).sum();
    int offset = Connection.offset(after);
    Connection<Gap> page =
        Connection.of(new Page<>(gaps.page(checked, categories, now, offset, first), offset, total));
    return new GapConnection(
        page.edges(),
        page.pageInfo(),
        total,
        Map.of(
            "found", summary.found(),
            "onTime", summary.onTime(),
            "pending", summary.pending(),
            "late", summary.gaps().get(Category.LATE),
            "declined", summary.gaps().get(Category.DECLINED),
            "notOffered", summary.gaps().get(Category.NOT_OFFERED),
            "notRecorded", summary.gaps().get(Category.NOT_RECORDED)));
  }

  @BatchMapping(typeName = "InterviewGap", field = "episode")
  List<Map<String, Object>> episode(List<Gap> items) {
    Map<String, Map<String, Object>> byKey =
        EpisodeKeys.byKey(episodes.episodes(items.stream().map(Gap::episodeKey).toList()));
    return items.stream().map(g -> byKey.get(g.episodeKey())).toList();
  }
}
