package uk.police.missing.api.lists;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.police.missing.graph.episode.EpisodeWrite;

/** Episodes read in one batch, found again by their key ({@code force|episodeRef}). */
final class EpisodeKeys {

  private EpisodeKeys() {}

  static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> episodes) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    for (Map<String, Object> e : episodes) {
      out.put(
          EpisodeWrite.episodeKey((String) ((Map<?, ?>) e.get("force")).get("code"), (String) e.get("episodeRef")),
          e);
    }
    return out;
  }
}
