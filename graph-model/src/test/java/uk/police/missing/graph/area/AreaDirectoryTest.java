package uk.police.missing.graph.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Postcodes, districts and positions against the lists shipped in {@code areas/}. */
class AreaDirectoryTest {

  private static final String BIRMINGHAM = "E08000025";
  private static final String CITY_OF_LONDON = "E09000001";
  private static final String WESTMINSTER = "E09000033";
  private static final String NORTHUMBERLAND = "E06000057";

  private final AreaDirectory areas = AreaDirectory.national();

  @ParameterizedTest
  @ValueSource(strings = {"B1 1AY", "b11ay", "  B1   1AY  ", "b1 1ay", "B1", "b1", " B 1 ", "B1\t1AY"})
  void findsAPostcodeWrittenInAnySpacingOrCaseWholeOrByDistrict(String written) {
    Area area = areas.ofPostcode(written).orElseThrow();

    assertThat(area.postcodeDistrict()).isEqualTo("B1");
    assertThat(area.authorityCode()).isEqualTo(BIRMINGHAM);
    assertThat(area.forceArea()).isEqualTo("WMP");
  }

  @Test
  void londonSubDistrictsAreDistrictsOfTheirOwn() {
    assertThat(areas.ofPostcode("EC1A 1BB").orElseThrow().postcodeDistrict()).isEqualTo("EC1A");
    assertThat(areas.ofPostcode("ec1a1bb").orElseThrow().authorityCode()).isEqualTo(CITY_OF_LONDON);
    assertThat(areas.ofPostcode("EC1A 1BB").orElseThrow().forceArea()).isEqualTo("COL");
    assertThat(areas.ofPostcode("W1D").orElseThrow().authorityCode()).isEqualTo(WESTMINSTER);
    assertThat(areas.ofPostcode("w1d 3qf").orElseThrow().forceArea()).isEqualTo("MET");
  }

  @ParameterizedTest
  @ValueSource(strings = {"W1X", "W1X 1AA", "ZZ99 9ZZ", "QQ1", "B89", "EC9A", "BT1 1AA", "IM1 1AA", "JE2 3BX"})
  void aDistrictNotInTheListIsInNoAreaRatherThanAGuessedOne(String written) {
    assertThat(areas.ofPostcode(written)).isEmpty();
  }

  @Test
  void textThatIsNoPostcodeIsInNoAreaAndThrowsNothing() {
    List<String> hostile =
        List.of(
            "",
            "   ",
            "hello",
            "B1 1AYX",
            "1AY B1",
            "MATCH (n) DETACH DELETE n",
            "B1' OR '1'='1",
            "<script>alert('B1 1AY')</script>",
            "\u0000B1 1AY",
            "Ｂ１ １ＡＹ",
            "B".repeat(10_000),
            "B1 1AY ".repeat(2_000));
    for (String text : hostile) {
      assertThatCode(() -> areas.ofPostcode(text)).doesNotThrowAnyException();
      assertThat(areas.ofPostcode(text)).as(text.length() > 40 ? text.substring(0, 40) : text).isEmpty();
      assertThat(AreaDirectory.district(text)).isNull();
      assertThat(areas.centre(text)).isEmpty();
    }
    assertThat(areas.ofPostcode(null)).isEmpty();
    assertThat(AreaDirectory.district(null)).isNull();
  }

  @Test
  void everyDistrictCentreLiesInItsOwnDistrict() {
    for (String district : allDistricts()) {
      double[] centre = areas.centre(district).orElseThrow();
      Area expected = areas.ofPostcode(district).orElseThrow();

      Area found = areas.ofPoint(centre[0], centre[1]).orElseThrow();

      // Two PO-box districts can share a sorting office's position; they share its area too.
      if (!found.postcodeDistrict().equals(district)) {
        assertThat(areas.centre(found.postcodeDistrict()).orElseThrow()).containsExactly(centre);
      }
      assertThat(found.authority()).as(district).isEqualTo(expected.authority());
      assertThat(found.forceArea()).as(district).isEqualTo(expected.forceArea());
    }
  }

  @Test
  void aPointNearADistrictCentreIsInThatDistrict() {
    double[] b1 = areas.centre("B1").orElseThrow();

    assertThat(areas.ofPoint(b1[0] + 0.0005, b1[1] - 0.0005).orElseThrow().postcodeDistrict()).isEqualTo("B1");
  }

  @Test
  void aPointFortyKilometresOutAtSeaIsInNoArea() {
    // East of the Suffolk coast in the North Sea, and south of the Isle of Wight in the Channel.
    assertThat(areas.ofPoint(52.48, 2.35)).isEmpty();
    assertThat(areas.ofPoint(50.22, -1.30)).isEmpty();
  }

  @Test
  void aPositionThatIsNoPlaceOnEarthIsInNoArea() {
    assertThat(areas.ofPoint(Double.NaN, -1.9)).isEmpty();
    assertThat(areas.ofPoint(52.48, Double.POSITIVE_INFINITY)).isEmpty();
    assertThat(areas.ofPoint(152.48, -1.9)).isEmpty();
  }

  @Test
  void everyDistrictCentreIsInGreatBritainToFourDecimals() {
    for (String district : allDistricts()) {
      double[] c = areas.centre(district).orElseThrow();
      assertThat(c[0]).as(district).isBetween(49.8, 60.9);
      assertThat(c[1]).as(district).isBetween(-8.7, 1.8);
    }
    assertThat(areas.centre("b1")).isPresent();
    assertThat(areas.centre("B1 1AY").orElseThrow()).containsExactly(areas.centre("B1").orElseThrow());
    assertThat(areas.centre("ZZ9")).isEmpty();
  }

  @Test
  void everyAuthorityHasAtLeastOneDistrict() {
    Set<String> withDistricts =
        allDistricts().stream()
            .map(d -> areas.ofPostcode(d).orElseThrow().authorityCode())
            .filter(code -> code != null)
            .collect(Collectors.toSet());

    assertThat(areas.authorities()).hasSize(175);
    for (LocalAuthority authority : areas.authorities()) {
      assertThat(withDistricts).as(authority.name()).contains(authority.code());
    }
  }

  @Test
  void everyTerritorialForceAreaOfEnglandAndWalesHasDistricts() {
    Set<String> forces =
        areas.authorities().stream().map(LocalAuthority::forceArea).collect(Collectors.toCollection(TreeSet::new));

    // 39 forces in England (the City of London's and the Met among them) and 4 in Wales.
    assertThat(forces).hasSize(43);
    for (String force : forces) {
      assertThat(areas.districtsIn(force)).as(force).isNotEmpty();
    }
    assertThat(areas.districtsIn("COL")).contains("EC2V", "EC4M").doesNotContain("W1D");
  }

  @Test
  void aDistrictsForceIsItsAuthoritysOrPoliceScotlandWhereThereIsNone() {
    for (String district : allDistricts()) {
      Area area = areas.ofPostcode(district).orElseThrow();
      String expected = area.authority() == null ? "PSC" : area.authority().forceArea();
      assertThat(area.forceArea()).as(district).isEqualTo(expected);
    }
  }

  @Test
  void scottishDistrictsHaveTheirForceButNoAuthorityOfOurs() {
    Area edinburgh = areas.ofPostcode("EH1 1YZ").orElseThrow();

    assertThat(edinburgh.authority()).isNull();
    assertThat(edinburgh.authorityCode()).isNull();
    assertThat(edinburgh.forceArea()).isEqualTo("PSC");
    assertThat(areas.districtsIn("PSC")).hasSizeGreaterThan(400);
  }

  @Test
  void northernIrelandIsNotCoveredYet() {
    // No openly licensed source of BT districts was found (see SOURCES.md).
    assertThat(areas.districtsIn("PNI")).isEmpty();
    assertThat(areas.ofPostcode("BT1")).isEmpty();
  }

  @Test
  void aDistrictAcrossANationalBorderGoesWhereMostOfItsPostcodesAre() {
    // Counts in tools/areas/split-districts.csv: 94% of TD15 in Northumberland, 99% of TD9 in
    // Scotland, 52% of CH4 in Cheshire West and Chester against 48% in Flintshire.
    assertThat(areas.ofPostcode("TD15").orElseThrow().authorityCode()).isEqualTo(NORTHUMBERLAND);
    assertThat(areas.ofPostcode("TD9").orElseThrow().forceArea()).isEqualTo("PSC");
    assertThat(areas.ofPostcode("CH4").orElseThrow().authorityCode()).isEqualTo("E06000050");
  }

  @Test
  void districtsInAnUnknownForceAreNone() {
    assertThat(areas.districtsIn("XXX")).isEmpty();
    assertThat(areas.districtsIn(null)).isEmpty();
  }

  private static List<String> allDistricts() {
    List<String> out = new ArrayList<>();
    try (var reader =
        new BufferedReader(
            new InputStreamReader(
                AreaDirectoryTest.class.getClassLoader().getResourceAsStream("areas/postcode-districts.csv"),
                StandardCharsets.UTF_8))) {
      reader.lines().skip(1).filter(l -> !l.isBlank()).forEach(l -> out.add(l.substring(0, l.indexOf(','))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(out).hasSize(2864);
    return out;
  }
}
