package uk.police.missing.graph.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@link AreaDirectory#authority} reads the codes and names force systems write. */
class AuthorityNamesTest {

  private final AreaDirectory areas = AreaDirectory.national();

  private String code(String written) {
    return areas.authority(written).map(LocalAuthority::code).orElse(null);
  }

  @Test
  void everyAuthorityIsFoundByItsOnsNameAndByItsCodeInAnyCase() {
    for (LocalAuthority a : areas.authorities()) {
      assertThat(code(a.name())).as(a.name()).isEqualTo(a.code());
      assertThat(code(a.name().toUpperCase(Locale.ROOT))).as(a.name()).isEqualTo(a.code());
      assertThat(code(a.code().toLowerCase(Locale.ROOT))).as(a.code()).isEqualTo(a.code());
      assertThat(code("  " + a.code() + " ")).as(a.code()).isEqualTo(a.code());
    }
  }

  @Test
  void everyAuthorityIsFoundByTheUsualFormsOfACouncilsName() {
    for (LocalAuthority a : areas.authorities()) {
      // "Bristol, City of" is written "Bristol City Council" or "City of Bristol Council".
      String base = a.name().replaceAll(", (City|County) of$", "");
      List<String> forms =
          List.of(
              base + " Council",
              base + " City Council",
              base + " County Council",
              base + " Borough Council",
              base + " Metropolitan Borough Council",
              base + " County Borough Council",
              base + " CC",
              base + " MBC",
              "London Borough of " + base,
              "Royal Borough of " + base,
              "City of " + base + " Council",
              "The " + base + " Council",
              base + " Children's Services",
              "Cyngor " + base);
      for (String form : forms) {
        assertThat(code(form)).as(form).isEqualTo(a.code());
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Birmingham City Council                  | E08000025
          BIRMINGHAM CC                            | E08000025
          Bristol, City of                         | E06000023
          Bristol City Council                     | E06000023
          City of Bristol                          | E06000023
          London Borough of Camden                 | E09000007
          Camden London Borough Council            | E09000007
          LB Camden                                | E09000007
          Royal Borough of Greenwich               | E09000011
          Royal Borough of Kensington & Chelsea    | E09000020
          Kent County Council                      | E10000016
          Wirral Metropolitan Borough Council      | E08000015
          Metropolitan Borough of Wirral           | E08000015
          Durham County Council                    | E06000047
          County Durham                            | E06000047
          Kingston upon Hull City Council          | E06000010
          Hull City Council                        | E06000010
          Kingston-upon-Hull                       | E06000010
          Herefordshire Council                    | E06000019
          Herefordshire, County of                 | E06000019
          Isle of Wight Council                    | E06000046
          Rhondda Cynon Taf                        | W06000016
          Rhondda Cynon Taff                       | W06000016
          Rhondda Cynon Taf County Borough Council | W06000016
          Vale of Glamorgan Council                | W06000014
          The Vale of Glamorgan Council            | W06000014
          City and County of Swansea               | W06000011
          St Helens Council                        | E08000013
          Saint Helens                             | E08000013
          Telford & Wrekin Council                 | E06000020
          Stoke-on-Trent City Council              | E06000021
          Stoke on Trent                           | E06000021
          Bournemouth, Christchurch and Poole      | E06000058
          Brighton & Hove City Council             | E06000043
          Bath & North East Somerset Council       | E06000022
          City of York Council                     | E06000014
          Newcastle City Council                   | E08000021
          Birmingham Children's Trust              | E08000025
          """)
  void findsTheNamesForceSystemsWrite(String written, String expected) {
    assertThat(code(written)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Cyngor Caerdydd                 | W06000015
          Caerdydd                        | W06000015
          Cyngor Dinas Casnewydd          | W06000022
          Bro Morgannwg                   | W06000014
          Cyngor Sir Ddinbych             | W06000004
          Sir y Fflint                    | W06000005
          Wrecsam                         | W06000006
          Abertawe                        | W06000011
          Castell-nedd Port Talbot        | W06000012
          Pen-y-bont ar Ogwr              | W06000013
          Merthyr Tudful                  | W06000024
          Caerffili                       | W06000018
          Tor-faen                        | W06000020
          Sir Fynwy                       | W06000021
          Sir Benfro                      | W06000009
          Sir Gaerfyrddin                 | W06000010
          """)
  void findsWelshCouncilsByTheWelshNamesMySocietyRecords(String written, String expected) {
    assertThat(code(written)).isEqualTo(expected);
  }

  @Test
  void richmondUponThamesIsNotARichmondElsewhere() {
    assertThat(code("Richmond upon Thames")).isEqualTo("E09000027");
    assertThat(code("London Borough of Richmond upon Thames")).isEqualTo("E09000027");
    assertThat(code("Richmond-upon-Thames")).isEqualTo("E09000027");
    // Richmondshire, the North Yorkshire district, was absorbed by North Yorkshire Council.
    assertThat(code("Richmondshire District Council")).isEqualTo("E06000065");
    assertThat(code("Richmond")).isNull();
    assertThat(code("Richmond Council")).isNull();
  }

  @Test
  void theCityOfLondonIsNotLondon() {
    assertThat(code("City of London")).isEqualTo("E09000001");
    assertThat(code("City of London Corporation")).isEqualTo("E09000001");
    assertThat(code("CITY OF LONDON")).isEqualTo("E09000001");
    assertThat(code("London")).isNull();
    assertThat(code("London Council")).isNull();
    assertThat(code("Greater London")).isNull();
    assertThat(code("Greater London Authority")).isNull();
  }

  @Test
  void durhamIsCountyDurhamAndNotItsNeighbours() {
    assertThat(code("Durham")).isEqualTo("E06000047");
    assertThat(code("Durham County Council")).isEqualTo("E06000047");
    assertThat(code("Darlington Borough Council")).isEqualTo("E06000005");
    assertThat(code("Durham Constabulary")).isNull();
  }

  @Test
  void namesShortOfTheWholeAuthorityAreNotGuessed() {
    assertThat(code("Kingston")).isNull();
    assertThat(code("Kingston Council")).isNull();
    assertThat(code("Kingston upon Thames")).isEqualTo("E09000021");
    assertThat(code("Royal Borough of Kingston upon Thames")).isEqualTo("E09000021");
    assertThat(code("Lincolnshire")).isEqualTo("E10000019");
    assertThat(code("North Lincolnshire")).isEqualTo("E06000013");
    assertThat(code("Yorkshire")).isNull();
    assertThat(code("Sussex")).isNull();
  }

  @Test
  void aCouncilWhoseAreaIsNowSplitOrOutsideEnglandAndWalesIsNone() {
    // Northamptonshire and Cumbria County Councils each became two authorities in 2021 and 2023.
    assertThat(code("Northamptonshire County Council")).isNull();
    assertThat(code("Cumbria County Council")).isNull();
    assertThat(code("Glasgow City Council")).isNull();
    assertThat(code("Belfast City Council")).isNull();
  }

  @Test
  void aFormerCouncilWithOneSuccessorIsThatSuccessor() {
    assertThat(code("Somerset County Council")).isEqualTo("E06000066");
    assertThat(code("North Yorkshire County Council")).isEqualTo("E06000065");
    assertThat(code("Aylesbury Vale District Council")).isEqualTo("E06000060");
  }

  @Test
  void aDistrictCouncilIsTheCountyCouncilThatRunsChildrensServicesThere() {
    assertThat(code("Sevenoaks District Council")).isEqualTo("E10000016");
    assertThat(code("E07000111")).isEqualTo("E10000016");
  }

  @Test
  void olderCodesOfRenamedAuthoritiesAreTheAuthoritiesOfToday() {
    assertThat(code("E08000016")).isEqualTo("E08000038");
    assertThat(code("e08000016")).isEqualTo("E08000038");
    assertThat(code("E08000019")).isEqualTo("E08000039");
    assertThat(areas.authority("E08000019").orElseThrow().name()).isEqualTo("Sheffield");
    assertThat(areas.authority("E08000016").orElseThrow().name()).isEqualTo("Barnsley");
    assertThat(code("E08000020")).isEqualTo("E08000037");
    assertThat(code("E06000048")).isEqualTo("E06000057");
    assertThat(code("E10000027")).isEqualTo("E06000066");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "E99999999",
        "E0800002",
        "E080000250",
        "S12000036",
        "N09000003",
        "E10000021",
        "Council",
        "County Council",
        "The Council",
        "Metropolitan Police Service",
        "unknown",
        "n/a",
        "MATCH (a:LocalAuthority) DETACH DELETE a",
        "<img src=x onerror=alert('Birmingham')>",
        "Birmingham'; DROP TABLE authority; --",
        "Birmingham Leeds",
        "Birmingham or Solihull"
      })
  void textThatNamesNoSingleAuthorityResolvesToNone(String written) {
    assertThat(code(written)).isNull();
  }

  @Test
  void hostileOrEmptyTextResolvesToNoneAndThrowsNothing() {
    List<String> hostile =
        List.of("", "   ", "\u0000", "B".repeat(10_000), "Birmingham ".repeat(1_000), "\uD83D\uDE00", "%s%n%x");
    for (String text : hostile) {
      assertThatCode(() -> areas.authority(text)).doesNotThrowAnyException();
      assertThat(areas.authority(text)).isEmpty();
    }
    assertThat(areas.authority(null)).isEmpty();
  }
}
