package uk.police.missing.api.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.ClientGraphQlResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.police.missing.api.ApiTest;
import uk.police.missing.graph.testing.TestNeo4j;
import uk.police.missing.graph.area.Area;
import uk.police.missing.graph.area.AreaDirectory;
import uk.police.missing.ingest.resolution.Keys;
import uk.police.missing.ingest.synthetic.NationalGenerator;

/**
 * An analyst's seven day-one questions, each one GraphQL query, on generated national data pushed
 * through the ingest endpoint: every answer is checked against what the generator planted and
 * against counts this test works out from the generated records themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystDayOneTest extends ApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final AreaDirectory AREAS = AreaDirectory.national();

  NationalGenerator.Planted planted;
  List<JsonNode> records;
  OffsetDateTime end;

  @Override
  protected void emptyGraph() {
    // One load for the whole class: the tests only read.
  }

  @BeforeAll
  void load() {
    TestNeo4j.deleteEpisodeData();
    List<String> lines = new ArrayList<>();
    planted =
        new NationalGenerator()
            .generate(new NationalGenerator.Options(150, 1, 7, LocalDate.of(2025, 1, 1)), lines::add);
    for (int from = 0; from < lines.size(); from += 150) {
      JsonNode report = push(String.join("\n", lines.subList(from, Math.min(lines.size(), from + 150))));
      assertThat(report.get("totals").get("rejected").asInt()).as("%s", report).isZero();
    }
    records = current(lines);
    end = planted.to().atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  /** Q1: which places in my force's area have children from other forces turning up? */
  @Test
  void placesInAForceAreaWhereChildrenOfOtherForcesTurnUp() {
    NationalGenerator.Hotspot hotspot = planted.hotspots().get(0);
    String area = AREAS.ofPostcode(hotspot.postcode()).orElseThrow().forceArea();

    Map<String, Object> answer =
        graphQl()
            .document(
                "query($a: String!) { placesOfConcern(filter: {forceArea: [$a]}, minChildren: 3, minForces: 2) {"
                    + " totalCount edges { node { childCount forceCount forces { code }"
                    + " entity { ... on Place { postcode forceArea { code } } }"
                    + " evidence { force { code } episodeRef roles } } } } }")
            .variable("a", area)
            .retrieveSync("placesOfConcern")
            .toEntity(MAP);

    Map<String, Set<String>[]> expected = sightingsByPlace(area);
    assertThat(answer.get("totalCount")).isEqualTo(expected.size());
    assertThat(answer.toString())
        .contains("forceArea={code=" + area + "}")
        .contains("childCount=" + hotspot.children())
        .contains("forceCount=" + hotspot.forces().size());
    for (String force : hotspot.forces()) {
      assertThat(answer.toString()).contains("code=" + force);
    }
  }

  /** Q2: which adults are linked to children in two or more forces? */
  @Test
  void adultsLinkedToChildrenInTwoOrMoreForcesCountedBeforeAnyoneConfirms() {
    List<Map<String, Object>> people =
        nodes(
            graphQl()
                .document(
                    "{ peopleOfConcern(includeProbable: true, minChildren: 2, minForces: 2, first: 500) {"
                        + " edges { node { probable childCount forceCount probableBecause"
                        + " members { ... on Person { records { force { code } personRef } } } } } } }"),
            "peopleOfConcern");

    String all = people.toString();
    for (NationalGenerator.Exploiter x : planted.exploiters()) {
      assertThat(all).contains(x.refA(), x.refB(), "shared phone " + x.phone());
    }
    for (NationalGenerator.PhoneOnlyAdult adult : planted.phoneOnlyAdults()) {
      assertThat(all).contains(adult.named().ref(), adult.phoneOnly().ref(), "shared phone " + adult.phone());
    }
    assertThat(people).hasSize(planted.exploiters().size() + planted.phoneOnlyAdults().size());
    assertThat(people).allSatisfy(p -> assertThat(p.get("probable")).isEqualTo(true));
  }

  /** Q3: what do other forces know about this child? Refused fields once, not per episode. */
  @Test
  void whatOtherForcesKnowOfAChildWithTheInterviewTextRefusedOnce() {
    NationalGenerator.MultiForceChild child = planted.multiForceChildren().get(0);

    ClientGraphQlResponse response =
        graphQl("analyst")
            .document(
                "query($f: String!, $r: String!) { childByForceRef(force: $f, personRef: $r) {"
                    + " forces { code } timeline { force { code } episodeRef"
                    + " returnInterview { status completedAt summary } } } }")
            .variable("f", child.forces().get(0).toLowerCase())
            .variable("r", child.personRefs().get(0))
            .executeSync();

    assertThat(response.getErrors()).hasSize(1);
    assertThat(response.getErrors().get(0).getMessage()).contains("ReturnInterview.summary", "return-interviews");
    Map<String, Object> found = response.field("childByForceRef").toEntity(MAP);
    for (String force : child.forces()) {
      assertThat(found.get("forces").toString()).contains(force);
    }
    assertThat((List<?>) found.get("timeline")).hasSize(child.forces().size());
  }

  /** Q4: which children went missing three or more times in the last 90 days? */
  @Test
  void childrenMissingThreeTimesInTheLast90DaysAcrossForces() {
    for (NationalGenerator.RepeatChild repeat : planted.repeatChildren()) {
      String force = repeat.records().get(0).force();
      Map<String, Object> answer = childrenOf(force).retrieveSync("children").toEntity(MAP);
      assertThat(answer.get("totalCount")).isEqualTo(repeatChildrenOf(force));
      assertThat(answer.toString()).contains(repeat.records().get(0).ref());
    }
    for (NationalGenerator.RepeatChild miss : planted.nearMisses()) {
      assertThat(
              childrenOf(miss.records().get(0).force()).retrieveSync("children").toEntity(MAP).toString())
          .doesNotContain(miss.records().get(0).ref());
    }
  }

  private org.springframework.graphql.client.GraphQlClient.RequestSpec childrenOf(String force) {
    return graphQl()
        .document(
            "query($f: String!, $u: DateTime!) { children(filter: {force: [$f], until: $u},"
                + " minEpisodes: 3, within: 90, first: 500) { totalCount edges { node {"
                + " episodeCount child { records { force { code } personRef } } } } } }")
        .variable("f", force)
        .variable("u", end.toString());
  }

  /** Q5: where are my force's children found? */
  @Test
  void whereAForcesChildrenAreFoundForceAreaToForceArea() {
    NationalGenerator.Corridor corridor = planted.corridors().get(0);

    List<Map<String, Object>> flows =
        nodes(
            graphQl()
                .document(
                    "query($f: String!) { corridors(filter: {force: [$f]}, first: 500) { edges { node {"
                        + " from { code } to { code } episodeCount childCount } } } }")
                .variable("f", corridor.forceA()),
            "corridors");

    Map<List<String>, Integer> expected = corridorsOf(corridor.forceA());
    assertThat(flows).hasSize(expected.size());
    for (Map<String, Object> flow : flows) {
      List<String> ends = List.of(code(flow.get("from")), code(flow.get("to")));
      assertThat(flow.get("episodeCount")).as("%s", ends).isEqualTo(expected.get(ends));
    }
    assertThat(flows.toString()).contains("to={code=" + corridor.forceB() + "}");
  }

  /** Q6: which episodes had no return home interview within 72 hours? */
  @Test
  void episodesWithNoReturnInterviewWithin72HoursByCategory() {
    Map<String, Object> gaps =
        graphQl("analyst")
            .document(
                "{ returnInterviewGaps { totalCount summary { found onTime pending late declined"
                    + " notOffered notRecorded } } }")
            .retrieveSync("returnInterviewGaps")
            .toEntity(MAP);

    NationalGenerator.ReturnInterviews truth = planted.returnInterviews();
    Map<?, ?> summary = (Map<?, ?>) gaps.get("summary");
    assertThat(((Number) summary.get("onTime")).longValue()).isEqualTo(truth.completedInTime());
    assertThat(((Number) summary.get("late")).longValue())
        .isEqualTo(truth.completedLate() + truth.offeredNotCompleted());
    assertThat(((Number) summary.get("declined")).longValue()).isEqualTo(truth.declined());
    assertThat(((Number) summary.get("notOffered")).longValue()).isEqualTo(truth.notOffered());
    assertThat(((Number) summary.get("notRecorded")).longValue()).isEqualTo(truth.notRecorded());
    assertThat(((Number) gaps.get("totalCount")).longValue()).isEqualTo(truth.notInTime());
    assertThat(((Number) summary.get("found")).longValue()).isEqualTo(foundEpisodes());
  }

  /** Q7: which phones link suspected exploiters across forces? */
  @Test
  void phonesLinkingSuspectedExploitersAcrossForces() {
    List<Map<String, Object>> phones =
        nodes(
            graphQl()
                .document(
                    "{ objectsOfConcern(minChildren: 2, minForces: 2, first: 500) { edges { node {"
                        + " forceCount entity { ... on Phone { number usedBy { roles"
                        + " records { force { code } personRef } } episodes { force { code } via } } } } } } }"),
            "objectsOfConcern");

    String all = phones.toString();
    for (NationalGenerator.Exploiter x : planted.exploiters()) {
      assertThat(all).contains("number=" + x.phone(), x.refA(), x.refB(), "SUSPECTED_EXPLOITER");
    }
    for (NationalGenerator.PhoneOnlyAdult adult : planted.phoneOnlyAdults()) {
      assertThat(all).contains("number=" + adult.phone(), adult.named().ref(), adult.phoneOnly().ref());
    }
  }

  // --- the truth, worked out from the generated records -------------------------------------

  // The latest version of each episode: what the service holds.
  private static List<JsonNode> current(List<String> lines) {
    Map<String, JsonNode> latest = new HashMap<>();
    for (String line : lines) {
      JsonNode r = JSON.readTree(line);
      String key = r.get("force").asString() + "|" + r.get("episodeRef").asString();
      JsonNode before = latest.get(key);
      if (before == null || before.get("recordVersion").asInt() < r.get("recordVersion").asInt()) {
        latest.put(key, r);
      }
    }
    return latest.values().stream().filter(r -> !r.path("withdrawn").asBoolean(false)).toList();
  }

  // Places (by postcode and first line, as the firm rule joins them) in the area where a child
  // was last seen, sighted or found, with children of at least 3 and forces of at least 2.
  @SuppressWarnings("unchecked")
  private Map<String, Set<String>[]> sightingsByPlace(String area) {
    Map<String, Set<String>[]> places = new HashMap<>();
    for (JsonNode r : records) {
      List<JsonNode> seen = new ArrayList<>();
      if (r.has("found") && r.get("found").has("place")) {
        seen.add(r.get("found").get("place"));
      }
      if (r.has("lastSeen") && r.get("lastSeen").has("place")) {
        seen.add(r.get("lastSeen").get("place"));
      }
      r.path("sightings").forEach(s -> seen.add(s.get("place")));
      for (JsonNode place : seen) {
        if (!place.has("postcode") || !place.has("addressLines")) {
          continue;
        }
        Area where = AREAS.ofPostcode(place.get("postcode").asString()).orElse(null);
        if (where == null || !where.forceArea().equals(area)) {
          continue;
        }
        String key = Keys.postcode(place.get("postcode").asString()) + "|"
            + Keys.addressText(place.get("addressLines").get(0).asString());
        Set<String>[] sets = places.computeIfAbsent(key, k -> new Set[] {new HashSet<>(), new HashSet<>()});
        sets[0].add(childKey(r));
        sets[1].add(r.get("force").asString());
      }
    }
    places.values().removeIf(sets -> sets[0].size() < 3 || sets[1].size() < 2);
    return places;
  }

  // A child is known by name and date of birth across forces (the firm rule the generator
  // relies on for its multi-force children).
  private static String childKey(JsonNode r) {
    JsonNode c = r.get("child");
    return c.get("dateOfBirth").asString() + "|" + Keys.name(c.get("givenName").asString()) + "|"
        + Keys.name(c.get("familyName").asString());
  }

  private int repeatChildrenOf(String force) {
    OffsetDateTime start = end.minusDays(90);
    Map<String, Integer> counts = new HashMap<>();
    Set<String> ofForce = new HashSet<>();
    for (JsonNode r : records) {
      OffsetDateTime reported = OffsetDateTime.parse(r.get("reportedAt").asString());
      if (r.get("force").asString().equals(force)) {
        ofForce.add(childKey(r));
      }
      if (!reported.isBefore(start) && reported.isBefore(end)) {
        counts.merge(childKey(r), 1, Integer::sum);
      }
    }
    return (int) counts.entrySet().stream().filter(e -> e.getValue() >= 3 && ofForce.contains(e.getKey())).count();
  }

  private Map<List<String>, Integer> corridorsOf(String force) {
    Map<List<String>, Integer> flows = new HashMap<>();
    for (JsonNode r : records) {
      if (!r.get("force").asString().equals(force)) {
        continue;
      }
      String from = areaOf(r.get("missingFrom").get("place"));
      String to = r.has("found") ? areaOf(r.get("found").get("place")) : null;
      if (from != null && to != null && !from.equals(to)) {
        flows.merge(List.of(from, to), 1, Integer::sum);
      }
    }
    return flows;
  }

  private static String areaOf(JsonNode place) {
    if (place == null || place.isMissingNode() || !place.has("postcode")) {
      return null;
    }
    return AREAS.ofPostcode(place.get("postcode").asString()).map(Area::forceArea).orElse(null);
  }

  private long foundEpisodes() {
    return records.stream().filter(r -> r.has("found")).count();
  }

  private static String code(Object area) {
    return (String) ((Map<?, ?>) area).get("code");
  }
}
