package uk.police.missing.api.lists;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.police.missing.api.filter.FilterInput;
import uk.police.missing.api.filter.Filters;
import uk.police.missing.api.graphql.Connection;
import uk.police.missing.graph.episode.EpisodeQueries;
import uk.police.missing.graph.intelligence.EpisodeLists;
import uk.police.missing.graph.intelligence.Page;

/** Episodes under the filter: "found in our area, reported by another force". */
@Controller
class EpisodeListController {

  private final EpisodeLists lists;
  private final EpisodeQueries episodes;
  private final Filters filters;

  EpisodeListController(EpisodeLists lists, EpisodeQueries episodes, Filters filters) {
    this.lists = lists;
    this.episodes = episodes;
    this.filters = filters;
  }

  @QueryMapping
  Connection<Map<String, Object>> episodes(
      @Argument FilterInput filter, @Argument int first, @Argument String after) {
    Page<String> keys = lists.episodes(filters.episodes(filter), Connection.offset(after), first);
    Map<String, Map<String, Object>> byKey = EpisodeKeys.byKey(episodes.episodes(keys.items()));
    List<Map<String, Object>> page = keys.items().stream().map(byKey::get).toList();
    return Connection.of(new Page<>(page, keys.offset(), keys.totalCount()));
  }
}
