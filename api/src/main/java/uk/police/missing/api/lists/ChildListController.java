package uk.police.missing.api.lists;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import uk.police.missing.api.filter.FilterInput;
import uk.police.missing.api.filter.Filters;
import uk.police.missing.api.graphql.Connection;
import uk.police.missing.graph.episode.EpisodeQueries;
import uk.police.missing.graph.force.Force;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.graph.intelligence.EpisodeFilter;
import uk.police.missing.graph.intelligence.EpisodeLists;
import uk.police.missing.graph.intelligence.EpisodeLists.ChildHit;
import uk.police.missing.graph.intelligence.IntelligenceQueries;

/** Children by their episodes: "who went missing three times or more in the last 90 days". */
@Controller
class ChildListController {

  private final EpisodeLists lists;
  private final IntelligenceQueries intelligence;
  private final EpisodeQueries episodes;
  private final Filters filters;
  private final ForceCatalogue forces;

  ChildListController(
      EpisodeLists lists,
      IntelligenceQueries intelligence,
      EpisodeQueries episodes,
      Filters filters,
      ForceCatalogue forces) {
    this.lists = lists;
    this.intelligence = intelligence;
    this.episodes = episodes;
    this.filters = filters;
    this.forces = forces;
  }

  // minEpisodes, within and first are checked before execution, by their @range in the schema.
  @QueryMapping
  Connection<ChildHit> children(
      @Argument FilterInput filter,
      @Argument int minEpisodes,
      @Argument Integer within,
      @Argument String sort,
      @Argument int first,
      @Argument String after) {
    EpisodeFilter checked = filters.episodes(filter);
    if (within != null) {
      OffsetDateTime until = checked.until() != null ? checked.until() : OffsetDateTime.now(ZoneOffset.UTC);
      OffsetDateTime start = until.minusDays(within);
      checked = checked.between(checked.from() != null && checked.from().isAfter(start) ? checked.from() : start, until);
    }
    return Connection.of(
        lists.children(
            checked, minEpisodes, EpisodeLists.ChildOrder.valueOf(sort), Connection.offset(after), first));
  }

  @SchemaMapping(typeName = "ChildHit", field = "forces")
  List<Force> forces(ChildHit hit) {
    return hit.forceCodes().stream().map(code -> forces.find(code).orElseThrow()).toList();
  }

  @BatchMapping(typeName = "ChildHit", field = "child")
  List<Map<String, Object>> child(List<ChildHit> hits) {
    Map<String, Map<String, Object>> byId = new HashMap<>();
    intelligence
        .children(hits.stream().map(ChildHit::childId).toList())
        .forEach(c -> byId.put((String) c.get("id"), c));
    return hits.stream().map(h -> byId.get(h.childId())).toList();
  }

  @BatchMapping(typeName = "ChildHit", field = "episodes")
  List<List<Map<String, Object>>> episodes(List<ChildHit> hits) {
    Set<String> keys = new LinkedHashSet<>();
    hits.forEach(h -> keys.addAll(h.episodeKeys()));
    Map<String, Map<String, Object>> byKey = EpisodeKeys.byKey(episodes.episodes(keys));
    return hits.stream().map(h -> h.episodeKeys().stream().map(byKey::get).toList()).toList();
  }
}
