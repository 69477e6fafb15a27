package uk.police.missing.ingest.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysTest {

  static final LocalDate DOB = LocalDate.parse("2010-07-19");

  @Test
  void setsAsideCaseAccentsSpacingHyphensAndApostrophesInNames() {
    assertThat(Keys.name("O'Neill")).isEqualTo(Keys.name("ONEILL")).isEqualTo(Keys.name("O Neill"));
    assertThat(Keys.name("Zoë")).isEqualTo(Keys.name("ZOE"));
    assertThat(Keys.name("Mary-Ann")).isEqualTo(Keys.name("Mary Ann")).isEqualTo("maryann");
  }

  @Test
  void givesTheSameChildKeyToOneChildWrittenTwoWays() {
    var gmp = Keys.child(null, DOB, false, "Kayla", "O'Neill", null);
    var wmp = Keys.child(null, DOB, false, "KAYLA", "ONEILL", List.of("Kay"));

    assertThat(wmp).containsAll(gmp);
  }

  @Test
  void countsAnAliasAsAGivenName() {
    var byAlias = Keys.child(null, DOB, false, "Kay", "O'Neill", null);
    var withAlias = Keys.child(null, DOB, false, "Kayla", "O'Neill", List.of("Kay"));

    assertThat(withAlias).containsAll(byAlias);
  }

  @Test
  void givesNoNameKeyWithoutAFirmDateOfBirth() {
    assertThat(Keys.child(null, DOB, true, "Kayla", "O'Neill", null)).isEmpty();
    assertThat(Keys.child(null, null, false, "Kayla", "O'Neill", null)).isEmpty();
  }

  @Test
  void keepsChildrenWithTheSameNameButAnotherBirthDateApart() {
    assertThat(Keys.child(null, DOB, false, "Jack", "Smith", null))
        .doesNotContainAnyElementsOf(
            Keys.child(null, DOB.plusDays(1), false, "Jack", "Smith", null));
  }

  @Test
  void joinsOnThePncIdWhateverTheName() {
    assertThat(Keys.child("10/123456a", DOB, false, "A", "B", null))
        .containsAnyElementsOf(Keys.child("10/123456A", null, false, "C", "D", null));
  }

  @Test
  void givesAPersonKeyOnlyForAFullNameWithADateOfBirth() {
    assertThat(Keys.person(null, DOB, "Dean", "Marsh")).hasSize(1);
    assertThat(Keys.person(null, null, "Dean", "Marsh")).isEmpty();
    assertThat(Keys.person(null, DOB, null, "Marsh")).isEmpty();
  }

  @Test
  void writesPhoneNumbersInInternationalForm() {
    assertThat(Keys.phone("07700 900123")).isEqualTo("+447700900123");
    assertThat(Keys.phone("+44 7700 900123")).isEqualTo("+447700900123");
    assertThat(Keys.phone("(0)7700-900123")).isEqualTo("+447700900123");
  }

  @Test
  void ignoresCaseAndSpacesInRegistrations() {
    assertThat(Keys.registration("ab12 cde")).isEqualTo(Keys.registration("AB12CDE"));
  }

  @Test
  void expandsCommonAbbreviationsInAddressLines() {
    assertThat(Keys.addressText("2 WHARF RD")).isEqualTo(Keys.addressText("2 Wharf Road"));
    assertThat(Keys.addressText("9 Station Rd.")).isEqualTo("9 STATION ROAD");
    assertThat(Keys.addressText("14 Orchard Cl")).isEqualTo(Keys.addressText("14 orchard close"));
  }

  @Test
  void expandsTheAbbreviationsOfTheContractAndSetsAsideCaseSpacingAndPunctuation() {
    assertThat(Keys.addressText("12 High St")).isEqualTo(Keys.addressText("12  high   street."));
    assertThat(Keys.addressText("3 Elm Rd")).isEqualTo("3 ELM ROAD");
    assertThat(Keys.addressText("40 Park Ave")).isEqualTo(Keys.addressText("40 park avenue"));
    assertThat(Keys.addressText("Flat 3, 12-14 Mill St")).isEqualTo("FLAT 3 12 14 MILL STREET");
    assertThat(Keys.addressText("Café Zoë")).isEqualTo("CAFE ZOE");
  }

  @Test
  void writesOutAbbreviationsOnlyAsWholeWords() {
    assertThat(Keys.addressText("Stadium Drive")).isEqualTo("STADIUM DRIVE");
    assertThat(Keys.addressText("Ave Rd")).isEqualTo("AVENUE ROAD");
  }

  @Test
  void keysAPlaceByPostcodeAndFirstLineWrittenEitherWay() {
    assertThat(place("200000777", "B1 2JP", List.of("2 Wharf Road"), "Canal View Hotel", 52.4791, -1.9102, "Birmingham").identityKeys())
        .containsExactly(
            "place:addr:B12JP|2 WHARF ROAD", "place:addr:B12JP|CANAL VIEW HOTEL", "place:uprn:200000777")
        .containsAll(place(null, "b12jp", List.of("2 WHARF RD"), null, null, null, null).identityKeys());
  }

  @Test
  void givesAPlaceItsUprnWithoutLeadingZerosAsAKey() {
    assertThat(place("000200000777", null, null, null, null, null, null).identityKeys())
        .containsExactly("place:uprn:200000777");
  }

  @Test
  void givesTheNameAndTheFirstLineAKeyOfTheSameFormSoAnAddressWrittenAsANameMeetsItsLine() {
    assertThat(place(null, "M4 1HS", null, "12 High St", null, null, null).identityKeys())
        .isEqualTo(place(null, "m41hs", List.of("12 high street."), null, null, null, null).identityKeys())
        .containsExactly("place:addr:M41HS|12 HIGH STREET");
  }

  @Test
  void keepsPlacesInOnePostcodeWithOtherFirstLinesApart() {
    assertThat(place(null, "M4 1HS", List.of("12 High Street"), null, null, null, null).identityKeys())
        .doesNotContainAnyElementsOf(
            place(null, "M4 1HS", List.of("14 High Street"), null, null, null, null).identityKeys());
  }

  @Test
  void givesAPlaceWithoutAFirmKeyTheOneKeyItAlwaysHad() {
    assertThat(place(null, "M4 1HS", null, null, 53.4808, -2.2426, null).identityKeys())
        .containsExactly("place:geo:53.48080,-2.24260");
    assertThat(place(null, "M4 1HS", List.of(" "), null, null, null, null).identityKeys())
        .containsExactly("place:postcode:M41HS");
    assertThat(place(null, null, null, "Piccadilly Gdns", null, null, "Manchester").identityKeys())
        .containsExactly("place:name:PICCADILLY GARDENS|MANCHESTER");
    // A line that is all punctuation says nothing, and must not join the postcode's places.
    assertThat(place(null, "M4 1HS", List.of("--"), null, null, null, null).identityKeys())
        .containsExactly("place:postcode:M41HS");
  }

  @Test
  void givesMentionsWrittenAlikeOneRecordAndMentionsWrittenOtherwiseAnother() {
    var written = place("200000777", "B1 2JP", List.of("2 Wharf Road"), "Canal View Hotel", 52.479100004, -1.9102, "Birmingham");
    var alike = place("0200000777", "b12jp", List.of("2 WHARF RD."), "canal view hotel", 52.4791, -1.91020000001, "BIRMINGHAM");
    var otherwise = place(null, "b12jp", List.of("2 WHARF RD"), null, null, null, null);

    assertThat(alike.key()).isEqualTo(written.key());
    assertThat(otherwise.key()).isNotEqualTo(written.key());
    assertThat(written.name()).isEqualTo("CANAL VIEW HOTEL");
    assertThat(written.line()).isEqualTo("2 WHARF ROAD");
    assertThat(written.lat()).isEqualTo(52.4791);
    assertThat(otherwise.name()).isNull();
    assertThat(otherwise.lat()).isNull();
  }

  private static uk.police.missing.graph.episode.EpisodeWrite.PlaceRecord place(
      String uprn, String postcode, List<String> lines, String name, Double lat, Double lon, String town) {
    return Keys.place(uprn, postcode, lines, name, lat, lon, town);
  }

  @Test
  void comparesChildrenOfOneNameWhoseDatesOfBirthDifferByATypoOrASwap() {
    var stored = Keys.childMatch("Kayla", "O'Neill", null, DOB, false);

    assertThat(Keys.childMatch("KAYLA", "ONEILL", null, LocalDate.parse("2010-07-18"), false))
        .as("a typo in the day").containsAnyElementsOf(stored);
    assertThat(Keys.childMatch("Kayla", "O Neill", null, LocalDate.parse("2011-07-19"), false))
        .as("a typo in the year").containsAnyElementsOf(stored);
    assertThat(Keys.childMatch("Kayla", "O'Neill", null, LocalDate.parse("2010-03-07"), false))
        .as("day and month swapped")
        .containsAnyElementsOf(Keys.childMatch("Kayla", "O'Neill", null, LocalDate.parse("2010-07-03"), false));
    assertThat(Keys.childMatch("Kay", "O'Neill", null, DOB, false))
        .as("an alias").containsAnyElementsOf(Keys.childMatch("Kayla", "O'Neill", List.of("Kay"), DOB, false));
  }

  @Test
  void comparesAnEstimatedDateOfBirthWithTheYearsEitherSide() {
    var estimated = Keys.childMatch("Kayla", "O'Neill", null, LocalDate.parse("2010-12-01"), true);

    assertThat(Keys.childMatch("Kayla", "O'Neill", null, LocalDate.parse("2011-06-01"), false))
        .containsAnyElementsOf(estimated);
    assertThat(Keys.childMatch("Kayla", "O'Neill", null, LocalDate.parse("2009-02-01"), false))
        .containsAnyElementsOf(estimated);
    assertThat(Keys.childMatch("Kayla", "O'Neill", null, LocalDate.parse("2013-12-01"), false))
        .doesNotContainAnyElementsOf(estimated);
  }

  @Test
  void doesNotCompareChildrenOfOneNameBornInOtherYearsOnOtherDays() {
    assertThat(Keys.childMatch("Jack", "Smith", null, LocalDate.parse("2012-04-09"), false))
        .doesNotContainAnyElementsOf(Keys.childMatch("Jack", "Smith", null, LocalDate.parse("2014-11-23"), false));
    assertThat(Keys.childMatch("Jack", "Smith", null, null, false)).isEmpty();
  }
}
