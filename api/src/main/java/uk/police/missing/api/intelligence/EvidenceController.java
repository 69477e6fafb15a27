package uk.police.missing.api.intelligence;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import uk.police.missing.graph.episode.EpisodeQueries;
import uk.police.missing.graph.episode.EpisodeWrite;
import uk.police.missing.graph.force.Force;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.graph.intelligence.ConcernRankings;
import uk.police.missing.graph.intelligence.EpisodeFilter;
import uk.police.missing.graph.intelligence.Evidence;
import uk.police.missing.graph.intelligence.IntelligenceQueries;

/**
 * The episodes behind a result, and who a phone or vehicle was recorded against: what an analyst
 * opens to see why something is on a list.
 */
@Controller
class EvidenceController {

  private final ConcernRankings rankings;
  private final IntelligenceQueries intelligence;
  private final EpisodeQueries episodes;
  private final ForceCatalogue forces;

  EvidenceController(
      ConcernRankings rankings,
      IntelligenceQueries intelligence,
      EpisodeQueries episodes,
      ForceCatalogue forces) {
    this.rankings = rankings;
    this.intelligence = intelligence;
    this.episodes = episodes;
    this.forces = forces;
  }

  @SchemaMapping(typeName = "Evidence", field = "force")
  Force force(Evidence evidence) {
    return forces.find(evidence.force()).orElseThrow();
  }

  @BatchMapping(typeName = "Evidence", field = "child")
  List<Map<String, Object>> child(List<Evidence> items) {
    Map<String, Map<String, Object>> byId = new HashMap<>();
    intelligence
        .children(items.stream().map(Evidence::childId).distinct().toList())
        .forEach(c -> byId.put((String) c.get("id"), c));
    return items.stream().map(e -> byId.get(e.childId())).toList();
  }

  @BatchMapping(typeName = "Evidence", field = "episode")
  List<Map<String, Object>> episode(List<Evidence> items) {
    Map<String, Map<String, Object>> byKey = new HashMap<>();
    for (Map<String, Object> e :
        episodes.episodes(items.stream().map(EvidenceController::key).distinct().toList())) {
      byKey.put(((Map<?, ?>) e.get("force")).get("code") + "|" + e.get("episodeRef"), e);
    }
    return items.stream().map(e -> byKey.get(key(e))).toList();
  }

  @BatchMapping(typeName = "Phone", field = "usedBy")
  List<List<Map<String, Object>>> phoneUsers(List<Map<String, Object>> phones) {
    return users(phones);
  }

  @BatchMapping(typeName = "Vehicle", field = "usedBy")
  List<List<Map<String, Object>>> vehicleUsers(List<Map<String, Object>> vehicles) {
    return users(vehicles);
  }

  @BatchMapping(typeName = "Phone", field = "episodes")
  List<List<Evidence>> phoneEpisodes(List<Map<String, Object>> phones) {
    return evidence("Phone", phones);
  }

  @BatchMapping(typeName = "Vehicle", field = "episodes")
  List<List<Evidence>> vehicleEpisodes(List<Map<String, Object>> vehicles) {
    return evidence("Vehicle", vehicles);
  }

  private List<List<Map<String, Object>>> users(List<Map<String, Object>> objects) {
    List<String> ids = objects.stream().map(o -> (String) o.get("id")).toList();
    Map<String, List<String>> users = intelligence.usersOf(ids);
    Map<String, Map<String, Object>> people = new HashMap<>();
    intelligence
        .entities(users.values().stream().flatMap(List::stream).distinct().toList())
        .forEach(p -> people.put((String) p.get("id"), p));
    return ids.stream()
        .map(id -> users.getOrDefault(id, List.of()).stream().map(people::get).toList())
        .toList();
  }

  private List<List<Evidence>> evidence(String kind, List<Map<String, Object>> objects) {
    Map<String, List<String>> members = new LinkedHashMap<>();
    objects.forEach(o -> members.put((String) o.get("id"), List.of((String) o.get("id"))));
    Map<String, List<Evidence>> byId = rankings.evidence(kind, members, EpisodeFilter.none());
    return objects.stream().map(o -> byId.getOrDefault((String) o.get("id"), List.of())).toList();
  }

  private static String key(Evidence evidence) {
    return EpisodeWrite.episodeKey(evidence.force(), evidence.episodeRef());
  }
}
