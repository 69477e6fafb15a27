package uk.police.missing.graph.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scoring of the "within about 25 metres with a compatible name" rule for places. */
class PossibleMatchesTest {

  @Test
  void aTypoInANameIsCompatibleAndSaysHowFarApartAndWhichNames() {
    List<String> reasons = new ArrayList<>();

    double confidence = PossibleMatches.placeEvidence(23.4, "SUNRISE HOTEL", null, "SUNRISE HOTL", null, reasons);

    assertThat(reasons).containsExactly("23 m apart", "names 'SUNRISE HOTEL' and 'SUNRISE HOTL' are similar");
    assertThat(confidence).isEqualTo(0.707);
  }

  @Test
  void confidenceFallsWithDistanceAndNeverReachesCertainty() {
    assertThat(PossibleMatches.placeEvidence(20, "SUNRISE HOTEL", null, "SUNRISE HOTL", null, new ArrayList<>()))
        .isGreaterThan(PossibleMatches.placeEvidence(24, "SUNRISE HOTEL", null, "SUNRISE HOTL", null, new ArrayList<>()));
    assertThat(PossibleMatches.placeEvidence(0, "SUNRISE HOTEL", null, "SUNRISE HOTEL", null, new ArrayList<>()))
        .isEqualTo(0.95);
  }

  @Test
  void otherNamesAreNotCompatibleHoweverClose() {
    List<String> reasons = new ArrayList<>();

    assertThat(PossibleMatches.placeEvidence(3, "SUNRISE HOTEL", null, "CANAL VIEW HOTEL", null, reasons)).isZero();
    assertThat(PossibleMatches.placeEvidence(3, "SUNRISE HOTEL", null, "SUNSET HOTEL", null, reasons)).isZero();
    assertThat(reasons).isEmpty();
  }

  @Test
  void neighboursOnOneStreetAreNotCompatible() {
    assertThat(PossibleMatches.similarity("12 HIGH STREET", "14 HIGH STREET")).isZero();
    assertThat(PossibleMatches.similarity("12 HIGH STREET", "12 HIGH STRET")).isGreaterThan(0.9);
  }

  @Test
  void aShorterFormOfTheSameNameIsCompatible() {
    assertThat(PossibleMatches.similarity("ROYAL OAK", "THE ROYAL OAK")).isEqualTo(0.8);
    assertThat(PossibleMatches.similarity("PREMIER INN", "PREMIER INN CITY CENTRE")).isEqualTo(0.8);
  }

  @Test
  void aNameMeetsAFirstAddressLineThatReadsTheSame() {
    List<String> reasons = new ArrayList<>();

    PossibleMatches.placeEvidence(10, "FLAT 3 12 MILL STREET", null, null, "FLAT 3 12 MILL STREET", reasons);

    assertThat(reasons).containsExactly(
        "10 m apart", "name 'FLAT 3 12 MILL STREET' and first address line 'FLAT 3 12 MILL STREET' are similar");
  }

  @Test
  void theSameFirstAddressLineIsSaidSo() {
    List<String> reasons = new ArrayList<>();

    PossibleMatches.placeEvidence(10, null, "2 WHARF ROAD", "CANAL VIEW HOTEL", "2 WHARF ROAD", reasons);

    assertThat(reasons).containsExactly("10 m apart", "the same first address line '2 WHARF ROAD'");
  }
}
