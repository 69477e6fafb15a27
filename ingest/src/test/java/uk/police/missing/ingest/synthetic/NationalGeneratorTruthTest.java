package uk.police.missing.ingest.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.police.missing.graph.area.Area;
import uk.police.missing.graph.area.AreaDirectory;
import uk.police.missing.ingest.resolution.Keys;
import uk.police.missing.ingest.synthetic.NationalGenerator.ForceRef;
import uk.police.missing.ingest.synthetic.NationalGenerator.Planted;
import uk.police.missing.ingest.synthetic.NationalGenerator.RepeatChild;
import uk.police.missing.ingest.synthetic.Records.Interview;

/**
 * Each planted truth checked against the generated lines themselves, as an analyst's query would
 * find it, with the service's own area lookup: not against the generator's bookkeeping.
 */
class NationalGeneratorTruthTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final AreaDirectory AREAS = AreaDirectory.national();

  static Planted planted;
  /** The latest version of every episode, by force and episodeRef. */
  static Map<ForceRef, JsonNode> episodes = new LinkedHashMap<>();

  @BeforeAll
  static void generate() {
    planted = new NationalGenerator().generate(
        new NationalGenerator.Options(4_000, 2, 5, LocalDate.of(2024, 1, 1)),
        line -> {
          JsonNode r = JSON.readTree(line);
          episodes.merge(new ForceRef(text(r, "/force"), text(r, "/episodeRef")), r,
              (old, now) -> now.get("recordVersion").asInt() > old.get("recordVersion").asInt() ? now : old);
        });
  }

  @Test
  void aRepeatChildHasThreeOrMoreCountingEpisodesInTheLast90Days() {
    assertThat(planted.repeatChildren()).anyMatch(c -> c.records().size() == 2);
    for (RepeatChild child : planted.repeatChildren()) {
      assertThat(oneChildByTheFirmRule(child)).isTrue();
      assertThat(inLast90Days(child)).isEqualTo(child.inLast90Days()).isBetween(3, 5);
    }
  }

  @Test
  void aNearMissHasThreeEpisodesButNeverThreeWithin90Days() {
    assertThat(planted.nearMisses()).isNotEmpty();
    for (RepeatChild child : planted.nearMisses()) {
      List<OffsetDateTime> reported = countingEpisodesOf(child).stream().map(e -> instant(e, "/reportedAt")).sorted().toList();
      assertThat(reported).hasSize(3);
      assertThat(reported.get(2)).isAfter(reported.get(0).plusDays(90));
      assertThat(inLast90Days(child)).isEqualTo(child.inLast90Days()).isEqualTo(2);
    }
  }

  @Test
  void aCorridorsChildrenLiveInForceAAndAreFoundInForceBMoreThanOnce() {
    assertThat(planted.corridors()).hasSizeGreaterThanOrEqualTo(2);
    for (var corridor : planted.corridors()) {
      Map<String, Integer> foundInB = new LinkedHashMap<>();
      for (ForceRef ref : corridor.episodes()) {
        JsonNode e = episodes.get(ref);
        Area home = area(text(e, "/missingFrom/place/postcode"));
        Area found = area(text(e, "/found/place/postcode"));
        assertThat(home.forceArea()).isEqualTo(corridor.forceA());
        assertThat(home.authorityCode()).isEqualTo(corridor.authorityA());
        assertThat(found.forceArea()).isEqualTo(corridor.forceB());
        assertThat(found.authorityCode()).isEqualTo(corridor.authorityB());
        foundInB.merge(text(e, "/child/personRef"), 1, Integer::sum);
      }
      assertThat(foundInB.keySet()).containsExactlyElementsOf(corridor.children().stream().map(ForceRef::ref).toList());
      assertThat(foundInB.values()).allMatch(times -> times >= 2);
    }
  }

  @Test
  void anOutOfAreaPlacementIsInAnotherAuthorityThanTheOneResponsible() {
    Set<ForceRef> listed = new HashSet<>();
    for (var placement : planted.outOfAreaPlacements()) {
      listed.add(placement.child());
      assertThat(placement.placedIn()).isNotEqualTo(placement.responsibleAuthority());
    }
    int lookedAfter = 0;
    Set<ForceRef> outOfArea = new HashSet<>();
    for (JsonNode e : episodes.values()) {
      if (!"LOOKED_AFTER".equals(text(e, "/child/careStatus"))) {
        continue;
      }
      assertThat(text(e, "/missingFrom/kind")).isEqualTo("CHILDRENS_HOME");
      String written = text(e, "/child/responsibleAuthority");
      Area home = area(text(e, "/missingFrom/place/postcode"));
      if (written == null) {
        assertThat(home.authority()).as("only homes outside England and Wales name no authority").isNull();
        continue;
      }
      lookedAfter++;
      String responsible = AREAS.authority(written).orElseThrow().code();
      if (!responsible.equals(home.authorityCode())) {
        ForceRef child = new ForceRef(text(e, "/force"), text(e, "/child/personRef"));
        outOfArea.add(child);
        assertThat(listed).contains(child);
        var placement = planted.outOfAreaPlacements().stream().filter(p -> p.child().equals(child)).findFirst().orElseThrow();
        assertThat(placement.responsibleAuthority()).isEqualTo(responsible);
        assertThat(placement.placedIn()).isEqualTo(home.authorityCode());
        assertThat(placement.otherForceArea())
            .isEqualTo(!AREAS.authority(responsible).orElseThrow().forceArea().equals(home.forceArea()));
      }
    }
    assertThat(outOfArea).isEqualTo(listed);
    assertThat(planted.outOfAreaPlacements()).anyMatch(p -> p.otherForceArea()).anyMatch(p -> !p.otherForceArea());
    // About a third of looked-after children's records (the population's episodes weigh more).
    long children = episodes.values().stream()
        .filter(e -> e.at("/child/responsibleAuthority").isString())
        .map(e -> text(e, "/force") + text(e, "/child/personRef")).distinct().count();
    assertThat((double) outOfArea.size() / children).isBetween(0.25, 0.42);
    assertThat(lookedAfter).isPositive();
  }

  @Test
  void anAdultKnownOnlyByPhoneHasNoNameInForceBAndTheSamePhoneWrittenAnotherWay() {
    assertThat(planted.phoneOnlyAdults()).isNotEmpty();
    for (var adult : planted.phoneOnlyAdults()) {
      List<JsonNode> named = associatesCalled(adult.named());
      List<JsonNode> phoneOnly = associatesCalled(adult.phoneOnly());
      assertThat(named).isNotEmpty().allSatisfy(a -> {
        assertThat(a.has("givenName") && a.has("familyName") && a.has("dateOfBirth")).isTrue();
        assertThat(Keys.phone(text(a, "/phones/0"))).isEqualTo(adult.phone());
      });
      assertThat(phoneOnly).isNotEmpty().allSatisfy(a -> {
        assertThat(a.propertyNames()).containsExactlyInAnyOrder("personRef", "role", "phones");
        assertThat(Keys.phone(text(a, "/phones/0"))).isEqualTo(adult.phone());
        assertThat(text(a, "/phones/0")).isNotEqualTo(text(named.get(0), "/phones/0"));
      });
      assertThat(adult.children()).hasSizeBetween(3, 4);
      assertThat(adult.children().stream().map(ForceRef::force).distinct())
          .containsExactlyInAnyOrder(adult.named().force(), adult.phoneOnly().force());
    }
  }

  @Test
  void everyPostcodeResolvesToTheForceAreaExpected() {
    for (JsonNode e : episodes.values()) {
      String force = text(e, "/force");
      Area home = area(text(e, "/missingFrom/place/postcode"));
      if (!force.equals("BTP")) {
        assertThat(home.forceArea()).as("missing from a place in %s's area", force).isEqualTo(force);
      }
      area(text(e, "/found/place/postcode"));
    }
    for (var hotspot : Stream.concat(planted.hotspots().stream(), Stream.of(planted.withdrawnHotspot())).toList()) {
      Area area = area(hotspot.postcode());
      assertThat(area.forceArea()).isEqualTo(hotspot.forces().get(0));
      assertThat(area.authorityCode()).isEqualTo(hotspot.authority());
      assertThat(AREAS.ofPoint(hotspot.latitude(), hotspot.longitude()).map(Area::forceArea))
          .contains(hotspot.forces().get(0));
    }
  }

  @Test
  void theReturnInterviewMixHasEveryKindInAboutTheDocumentedShares() {
    Map<Interview, Long> counted = new EnumMap<>(Interview.class);
    long found = 0;
    for (JsonNode e : episodes.values()) {
      if (e.path("withdrawn").asBoolean() || !"FOUND".equals(text(e, "/status"))) {
        continue;
      }
      found++;
      counted.merge(kind(e), 1L, Long::sum);
    }
    var truth = planted.returnInterviews();
    assertThat(counted).containsOnlyKeys(Interview.values());
    assertThat(List.of(truth.completedInTime(), truth.completedLate(), truth.declined(), truth.notOffered(),
            truth.offeredNotCompleted(), truth.notRecorded()))
        .containsExactly(counted.get(Interview.IN_TIME), counted.get(Interview.LATE), counted.get(Interview.DECLINED),
            counted.get(Interview.NOT_OFFERED), counted.get(Interview.OFFERED_ONLY), counted.get(Interview.NOT_RECORDED));
    assertThat((double) counted.get(Interview.IN_TIME) / found).isBetween(0.29, 0.35);
    assertThat((double) truth.notInTime() / found).isBetween(0.65, 0.71);
  }

  @Test
  void concernsAreCommonerAroundPlantedPatternsAndRiskStaysMixed() {
    Set<String> planted = new HashSet<>();
    for (JsonNode e : episodes.values()) {
      if (e.path("associates").toString().contains("SUSPECTED_EXPLOITER")) {
        planted.add(text(e, "/episodeRef"));
      }
    }
    NationalGeneratorTruthTest.planted.corridors().forEach(c -> c.episodes().forEach(r -> planted.add(r.ref())));
    long plantedWith = 0;
    long plantedAll = 0;
    long otherWith = 0;
    long otherAll = 0;
    Map<String, Long> levels = new LinkedHashMap<>();
    for (JsonNode e : episodes.values()) {
      boolean hasFactors = e.at("/risk/factors").size() > 0;
      if (planted.contains(text(e, "/episodeRef"))) {
        plantedAll++;
        plantedWith += hasFactors ? 1 : 0;
      } else if (text(e, "/episodeRef").contains("-E-")) {
        otherAll++;
        otherWith += hasFactors ? 1 : 0;
      }
      levels.merge(text(e, "/risk/level"), 1L, Long::sum);
    }
    assertThat(plantedWith).isEqualTo(plantedAll);
    assertThat((double) otherWith / otherAll).isBetween(0.05, 0.30);
    assertThat(levels).containsOnlyKeys("HIGH", "MEDIUM", "LOW", "NO_APPARENT_RISK");
    assertThat(episodes.values()).anyMatch(e -> e.at("/child/flags").toString().contains("COUNTY_LINES"));
  }

  // ---------------------------------------------------------------- reading the lines

  private static List<JsonNode> countingEpisodesOf(RepeatChild child) {
    JsonNode first = episodes.get(child.episodes().get(0));
    String identity = identity(first);
    return episodes.values().stream()
        .filter(e -> !e.path("withdrawn").asBoolean() && identity(e).equals(identity))
        .toList();
  }

  private static boolean oneChildByTheFirmRule(RepeatChild child) {
    return child.episodes().stream().map(r -> identity(episodes.get(r))).distinct().count() == 1
        && child.episodes().stream().map(r -> r.force() + episodes.get(r).at("/child/personRef").asString()).distinct().count()
            == child.records().size();
  }

  private static int inLast90Days(RepeatChild child) {
    OffsetDateTime end = planted.to().atStartOfDay().atOffset(ZoneOffset.UTC);
    return (int) countingEpisodesOf(child).stream()
        .map(e -> instant(e, "/reportedAt"))
        .filter(t -> !t.isBefore(end.minusDays(90)) && t.isBefore(end))
        .count();
  }

  // The contract's firm rule: the same date of birth and the same name, case and accents aside.
  private static String identity(JsonNode e) {
    String name = text(e, "/child/givenName") + " " + text(e, "/child/familyName");
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "") + "|" + text(e, "/child/dateOfBirth");
  }

  private static List<JsonNode> associatesCalled(ForceRef person) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : episodes.values()) {
      if (text(e, "/force").equals(person.force())) {
        for (JsonNode a : e.path("associates")) {
          if (text(a, "/personRef").equals(person.ref())) {
            out.add(a);
          }
        }
      }
    }
    return out;
  }

  private static Interview kind(JsonNode e) {
    JsonNode rhi = e.get("returnInterview");
    if (rhi == null) {
      return Interview.NOT_RECORDED;
    }
    return switch (text(rhi, "/status")) {
      case "COMPLETED" -> {
        assertThat(rhi.has("offeredAt")).isTrue();
        yield instant(rhi, "/completedAt").isAfter(instant(e, "/found/at").plusHours(72)) ? Interview.LATE : Interview.IN_TIME;
      }
      case "DECLINED" -> {
        assertThat(rhi.has("offeredAt")).isTrue();
        yield Interview.DECLINED;
      }
      case "OFFERED" -> {
        assertThat(rhi.has("offeredAt") && !rhi.has("completedAt")).isTrue();
        yield Interview.OFFERED_ONLY;
      }
      default -> {
        assertThat(rhi.has("offeredAt")).isFalse();
        yield Interview.NOT_OFFERED;
      }
    };
  }

  private static Area area(String postcode) {
    Optional<Area> area = AREAS.ofPostcode(postcode);
    assertThat(area).as("postcode %s is in a known district", postcode).isPresent();
    return area.get();
  }

  private static OffsetDateTime instant(JsonNode node, String pointer) {
    return OffsetDateTime.parse(text(node, pointer));
  }

  private static String text(JsonNode node, String pointer) {
    JsonNode value = node.at(pointer);
    return value.isMissingNode() || value.isNull() ? null : value.asString();
  }
}
