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
  void keysAPlaceByPostcodeAndFirstLineWrittenEitherWay() {
    assertThat(Keys.place("200000777", "B1 2JP", List.of("2 Wharf Road"), "Canal View Hotel", 52.4791, -1.9102, "Birmingham"))
        .isEqualTo(Keys.place(null, "b12jp", List.of("2 WHARF RD"), null, null, null, null));
  }
}
