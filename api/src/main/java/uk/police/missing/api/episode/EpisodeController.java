package uk.police.missing.api.episode;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import uk.police.missing.api.graphql.ForceArguments;
import uk.police.missing.api.graphql.NotFoundException;
import uk.police.missing.graph.episode.EpisodeQueries;
import uk.police.missing.graph.force.Force;
import uk.police.missing.graph.force.ForceCatalogue;

@Controller
class EpisodeController {

  private final EpisodeQueries episodes;
  private final ForceCatalogue forces;
  private final ForceArguments forceArguments;

  EpisodeController(EpisodeQueries episodes, ForceCatalogue forces, ForceArguments forceArguments) {
    this.episodes = episodes;
    this.forces = forces;
    this.forceArguments = forceArguments;
  }

  // A reference naming nothing is an error, not a null that reads like "no data": the caller
  // learns which argument to check, and the message repeats only the force code they gave.
  @QueryMapping
  Map<String, Object> episode(@Argument String force, @Argument String episodeRef) {
    String code = forceArguments.one("force", force);
    return episodes
        .episode(code, episodeRef)
        .orElseThrow(
            () -> new NotFoundException("episodeRef", code + " has sent no episode with this reference"));
  }

  @QueryMapping
  Map<String, Object> childRecord(@Argument String force, @Argument String personRef) {
    String code = forceArguments.one("force", force);
    return episodes
        .childRecord(code, personRef)
        .orElseThrow(
            () -> new NotFoundException("personRef", code + " has sent no child with this reference"));
  }

  // The root field returns a single record, so this runs once per request, not once per parent.
  @SchemaMapping(typeName = "ChildRecord", field = "episodes")
  List<Map<String, Object>> childRecordEpisodes(
      Map<String, Object> record, @Argument Boolean includeWithdrawn) {
    return episodes.episodesOfChildRecord(
        (String) ((Map<?, ?>) record.get("force")).get("code"),
        (String) record.get("personRef"),
        Boolean.TRUE.equals(includeWithdrawn));
  }

  @QueryMapping
  List<Force> forces() {
    return forces.all();
  }
}
