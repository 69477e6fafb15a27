package uk.police.missing.api.benchmark;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.neo4j.core.Neo4jClient;
import uk.police.missing.graph.identity.ProbablePeople;
import uk.police.missing.graph.intelligence.ConcernHit;
import uk.police.missing.graph.intelligence.ConcernRankings;
import uk.police.missing.graph.intelligence.Corridors;
import uk.police.missing.graph.intelligence.EpisodeFilter;
import uk.police.missing.graph.intelligence.EpisodeLists;
import uk.police.missing.graph.intelligence.IntelligenceQueries;
import uk.police.missing.graph.intelligence.InterviewGaps;
import uk.police.missing.graph.intelligence.LinkChartQueries;
import uk.police.missing.graph.intelligence.Page;
import uk.police.missing.graph.place.PlaceSearch;

/**
 * The questions the benchmark times: each as the GraphQL document an analyst sends (the defaults
 * users send, and the worst parameters) and as the statements the service runs for it over Bolt.
 */
final class AnalystQuestions {

  /** The service's readers, built on one client (plain, or profiling). */
  record Readers(
      ConcernRankings rankings,
      EpisodeLists lists,
      Corridors corridors,
      InterviewGaps gaps,
      PlaceSearch places,
      LinkChartQueries charts,
      IntelligenceQueries intelligence) {

    static Readers on(Neo4jClient client) {
      return new Readers(
          new ConcernRankings(client, new ProbablePeople(client)),
          new EpisodeLists(client),
          new Corridors(client),
          new InterviewGaps(client),
          new PlaceSearch(client),
          new LinkChartQueries(client),
          new IntelligenceQueries(client));
    }
  }

  /** One question: its name, its GraphQL document and what it runs over Bolt. */
  record Question(String name, String graphQl, Function<Readers, Object> bolt) {}

  private AnalystQuestions() {}

  /**
   * The questions, over data reported from {@code start} for {@code years} years; the "last 90
   * days", the last year and the last quarter end where the data ends.
   */
  static List<Question> all(OffsetDateTime start, int years, String hotspot, String postcode) {
    OffsetDateTime end = start.plusYears(years);
    OffsetDateTime lastYear = end.minusYears(1);
    OffsetDateTime lastQuarter = end.minusMonths(3);
    String force = "GMP";
    EpisodeFilter gmp = new EpisodeFilter(List.of(force), null, null, null, null, null, null, null, null, null, null, null);
    EpisodeFilter none = EpisodeFilter.none();
    String until = "until: \"" + end + "\"";
    return List.of(
        // What every request costs before it reads anything: HTTP, the token, GraphQL's
        // parsing and limits, and the durable commit of its audit record.
        new Question("a request that reads nothing ({ __typename })", "{ __typename }", r -> List.of()),
        new Question(
            "placesOfConcern, defaults (3 children, 2 forces)",
            "{ placesOfConcern { totalCount edges { node { childCount forceCount episodeCount entity { id } } } } }",
            r -> entities(r, r.rankings().places(none, 3, 2, 0, 50))),
        new Question(
            "placesOfConcern, minChildren 1",
            "{ placesOfConcern(minChildren: 1) { totalCount edges { node { childCount entity { id } } } } }",
            r -> entities(r, r.rankings().places(none, 1, 2, 0, 50))),
        new Question(
            "placesOfConcern, minChildren 1, minForces 1 (every place: the worst)",
            "{ placesOfConcern(minChildren: 1, minForces: 1) { totalCount edges { node { childCount entity { id } } } } }",
            r -> entities(r, r.rankings().places(none, 1, 1, 0, 50))),
        new Question(
            "placesOfConcern in one force area, with evidence",
            "{ placesOfConcern(filter: {forceArea: [\"" + force + "\"]}) { totalCount edges { node { childCount entity { id }"
                + " evidence { episodeRef child { id } } } } } }",
            r -> evidence(r, r.rankings().places(new EpisodeFilter(null, List.of(force), null, null, null, null, null, null, null, null, null, null), 3, 2, 0, 50))),
        new Question(
            "peopleOfConcern, defaults (2 children, 2 forces)",
            "{ peopleOfConcern { totalCount edges { node { childCount entity { id } } } } }",
            r -> entities(r, r.rankings().people(none, 2, 2, false, 0, 50))),
        new Question(
            "peopleOfConcern, includeProbable",
            "{ peopleOfConcern(includeProbable: true) { totalCount edges { node { childCount probable members { id } } } } }",
            r -> entities(r, r.rankings().people(none, 2, 2, true, 0, 50))),
        new Question(
            "peopleOfConcern, minChildren 1, minForces 1",
            "{ peopleOfConcern(minChildren: 1, minForces: 1) { totalCount edges { node { childCount entity { id } } } } }",
            r -> entities(r, r.rankings().people(none, 1, 1, false, 0, 50))),
        new Question(
            "objectsOfConcern, defaults (2 children, 2 forces)",
            "{ objectsOfConcern { totalCount edges { node { childCount entity { id } } } } }",
            r -> entities(r, r.rankings().objects(none, 2, 2, 0, 50))),
        new Question(
            "objectsOfConcern, minChildren 1, minForces 1",
            "{ objectsOfConcern(minChildren: 1, minForces: 1) { totalCount edges { node { childCount entity { id } } } } }",
            r -> entities(r, r.rankings().objects(none, 1, 1, 0, 50))),
        new Question(
            "children, 3 episodes in 90 days, one force",
            "{ children(filter: {force: [\"" + force + "\"], " + until + "}, minEpisodes: 3, within: 90) { totalCount"
                + " edges { node { episodeCount child { id } } } } }",
            r -> r.lists().children(gmp.between(end.minusDays(90), end), 3, EpisodeLists.ChildOrder.EPISODES, 0, 50)),
        new Question(
            "children, 3 episodes in 90 days, national",
            "{ children(filter: {" + until + "}, minEpisodes: 3, within: 90) { totalCount edges { node { episodeCount child { id } } } } }",
            r -> r.lists().children(none.between(end.minusDays(90), end), 3, EpisodeLists.ChildOrder.EPISODES, 0, 50)),
        new Question(
            "children, 3 episodes, national, all time (the worst)",
            "{ children(minEpisodes: 3) { totalCount edges { node { episodeCount child { id } } } } }",
            r -> r.lists().children(none, 3, EpisodeLists.ChildOrder.EPISODES, 0, 50)),
        new Question(
            "episodes of one force found in another force area, a year",
            "{ episodes(filter: {force: [\"" + force + "\"], forceArea: [\"WMP\"], where: [FOUND_AT], from: \"" + lastYear + "\", " + until + "}) {"
                + " totalCount edges { node { episodeRef } } } }",
            r -> r.lists().episodes(new EpisodeFilter(List.of(force), List.of("WMP"), null, List.of("FOUND_AT"), lastYear, end, null, null, null, null, null, null), 0, 50)),
        new Question(
            "corridors of one force, a year",
            "{ corridors(filter: {force: [\"" + force + "\"], from: \"" + lastYear + "\", " + until + "}) { totalCount"
                + " edges { node { from { code } to { code } episodeCount childCount } } } }",
            r -> r.corridors().flows(gmp.between(lastYear, end), Corridors.Level.FORCE_AREA, false, 0, 50)),
        new Question(
            "corridors of one force, a year, authority to authority, within too",
            "{ corridors(filter: {force: [\"" + force + "\"], from: \"" + lastYear + "\", " + until + "}, level: LOCAL_AUTHORITY,"
                + " includeWithin: true) { totalCount edges { node { from { code } to { code } episodeCount } } } }",
            r -> r.corridors().flows(gmp.between(lastYear, end), Corridors.Level.LOCAL_AUTHORITY, true, 0, 50)),
        new Question(
            "returnInterviewGaps of one force, a quarter",
            "{ returnInterviewGaps(filter: {force: [\"" + force + "\"], from: \"" + lastQuarter + "\", " + until + "}) { totalCount"
                + " summary { found late } edges { node { category episode { episodeRef } } } } }",
            r -> gaps(r, gmp.between(lastQuarter, end))),
        new Question(
            "returnInterviewGaps, national, a year",
            "{ returnInterviewGaps(filter: {from: \"" + lastYear + "\", " + until + "}) { totalCount summary { found late } } }",
            r -> r.gaps().summary(none.between(lastYear, end), OffsetDateTime.now(ZoneOffset.UTC))),
        new Question(
            "searchPlaces by postcode",
            "{ searchPlaces(postcode: \"" + postcode + "\") { totalCount edges { node { place { id } } } } }",
            r -> r.places().search(new PlaceSearch.Query(postcode.replace(" ", ""), null, null, null, null, null, null, null), 0, 20)),
        new Question(
            "searchPlaces by words",
            "{ searchPlaces(text: \"mill street\") { totalCount edges { node { place { id } } } } }",
            r -> r.places().search(new PlaceSearch.Query(null, null, List.of("MILL", "STREET"), null, null, null, null, null), 0, 20)),
        new Question(
            "searchPlaces by words in one force area",
            "{ searchPlaces(text: \"mill street\", filter: {forceArea: [\"" + force + "\"]}) { totalCount edges { node { place { id } } } } }",
            r -> r.places().search(new PlaceSearch.Query(null, null, List.of("MILL", "STREET"), null, null, null, List.of(force), null), 0, 20)),
        new Question(
            "linkChart, 2 links around a hotspot",
            "{ linkChart(id: \"" + hotspot + "\", depth: 2) { truncated nodes { id kind label } edges { kind source target episodeCount } } }",
            r -> r.intelligence().entities(r.charts().chart(hotspot, 2, 300).nodeIds())));
  }

  private static Object entities(Readers r, Page<ConcernHit> hits) {
    return r.intelligence().entities(hits.items().stream().map(ConcernHit::entityId).toList());
  }

  private static Object evidence(Readers r, Page<ConcernHit> hits) {
    return r.rankings().evidence(hits.items());
  }

  private static Object gaps(Readers r, EpisodeFilter filter) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    r.gaps().summary(filter, now);
    return r.gaps().page(filter, List.of(InterviewGaps.Category.values()), now, 0, 50);
  }
}
