package uk.police.missing.ingest.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.police.missing.graph.area.AreaDirectory;
import uk.police.missing.graph.area.LocalAuthority;

class AreasTest {

  @Test
  void everyWayAForceWritesAnAuthorityNamesThatAuthority() {
    AreaDirectory areas = AreaDirectory.national();
    for (LocalAuthority authority : areas.authorities()) {
      for (int style = 0; style < 4; style++) {
        String written = Areas.written(authority, style);
        assertThat(areas.authority(written)).as("'%s'", written).contains(authority);
      }
    }
  }

  @Test
  void councilsAreWrittenAsTheyNameThemselves() {
    AreaDirectory areas = AreaDirectory.national();
    assertThat(Areas.councilName(areas.authority("E08000025").orElseThrow())).isEqualTo("Birmingham City Council");
    assertThat(Areas.councilName(areas.authority("E09000007").orElseThrow())).isEqualTo("London Borough of Camden");
    assertThat(Areas.councilName(areas.authority("E06000023").orElseThrow())).isEqualTo("Bristol City Council");
    assertThat(Areas.councilName(areas.authority("E10000016").orElseThrow())).isEqualTo("Kent County Council");
  }
}
