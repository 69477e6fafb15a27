package uk.police.missing.api.lists;

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
import uk.police.missing.graph.area.AreaDirectory;
import uk.police.missing.graph.episode.EpisodeQueries;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.graph.intelligence.Corridors;
import uk.police.missing.graph.intelligence.Corridors.Flow;
import uk.police.missing.graph.intelligence.IntelligenceQueries;

/** Where a force's or an authority's children go missing from and where they are found. */
@Controller
class CorridorController {

  /** A flow's end as the schema shows it. */
  record Area(String code, String name, String level) {}

  private final Corridors corridors;
  private final IntelligenceQueries intelligence;
  private final EpisodeQueries episodes;
  private final Filters filters;
  private final ForceCatalogue forces;
  private final AreaDirectory areas;

  CorridorController(
      Corridors corridors,
      IntelligenceQueries intelligence,
      EpisodeQueries episodes,
      Filters filters,
      ForceCatalogue forces,
      AreaDirectory areas) {
    this.corridors = corridors;
    this.intelligence = intelligence;
    this.episodes = episodes;
    this.filters = filters;
    this.forces = forces;
    this.areas = areas;
  }

  @QueryMapping
  Connection<Flow> corridors(
      @Argument FilterInput filter,
      @Argument String level,
      @Argument boolean includeWithin,
      @Argument int first,
      @Argument String after) {
    return Connection.of(
        corridors.flows(
            filters.episodes(filter),
            Corridors.Level.valueOf(level),
            includeWithin,
            Connection.offset(after),
            first));
  }

  @SchemaMapping(typeName = "Corridor", field = "from")
  Area from(Flow flow) {
    return area(flow.level(), flow.from());
  }

  @SchemaMapping(typeName = "Corridor", field = "to")
  Area to(Flow flow) {
    return area(flow.level(), flow.to());
  }

  @BatchMapping(typeName = "Corridor", field = "children")
  List<List<Map<String, Object>>> children(List<Flow> flows) {
    Set<String> ids = new LinkedHashSet<>();
    flows.forEach(f -> ids.addAll(f.childIds()));
    Map<String, Map<String, Object>> byId = new HashMap<>();
    intelligence.children(ids).forEach(c -> byId.put((String) c.get("id"), c));
    return flows.stream().map(f -> f.childIds().stream().map(byId::get).toList()).toList();
  }

  @BatchMapping(typeName = "Corridor", field = "episodes")
  List<List<Map<String, Object>>> episodes(List<Flow> flows) {
    Set<String> keys = new LinkedHashSet<>();
    flows.forEach(f -> keys.addAll(f.episodeKeys()));
    Map<String, Map<String, Object>> byKey = EpisodeKeys.byKey(episodes.episodes(keys));
    return flows.stream().map(f -> f.episodeKeys().stream().map(byKey::get).toList()).toList();
  }

  private Area area(Corridors.Level level, String code) {
    String name =
        level == Corridors.Level.FORCE_AREA
            ? forces.find(code).map(f -> f.name()).orElse(code)
            : areas.authority(code).map(a -> a.name()).orElse(code);
    return new Area(code, name, level.name());
  }
}
