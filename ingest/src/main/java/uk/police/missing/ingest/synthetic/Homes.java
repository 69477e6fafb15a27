package uk.police.missing.ingest.synthetic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.graph.area.LocalAuthority;
import uk.police.missing.ingest.synthetic.NationalGenerator.ForceRef;
import uk.police.missing.ingest.synthetic.NationalGenerator.Placement;

/**
 * Where children live, which is where they go missing from: a family home, or for a looked-after
 * child the children's home they are placed in. A third of looked-after children are placed out
 * of the area of the authority responsible for them, half of those in another force's area;
 * each such placement is kept as part of the truth.
 */
final class Homes {

  /**
   * Where a child lives, and in whose care.
   *
   * @param responsibleAuthority the authority as the reporting force writes it, or null
   */
  record Home(String district, String forceArea, ObjectNode place, boolean lookedAfter, String careStatus, String responsibleAuthority) {}

  private static final String[] HOUSE = {"Oak", "Elm", "Birch", "Rowan", "Willow", "Hazel", "Beech", "Holly", "Laurel", "Cedar"};
  private static final String[] HOUSE_END = {"field", "lea", "bank", "croft", "mead", "view"};
  // A district has up to this many children's homes; children placed there share them.
  private static final int HOMES_PER_DISTRICT = 2;

  private final Records records;
  private final Areas areas;
  private final List<String> forces;
  private final Map<String, ObjectNode> childrensHomes = new HashMap<>();
  final List<Placement> placements = new ArrayList<>();

  Homes(Records records, Areas areas, String[] forces) {
    this.records = records;
    this.areas = areas;
    this.forces = List.of(forces);
  }

  /** A family home in the area the force covers (anywhere for British Transport Police). */
  Home family(Random random, String force) {
    return familyIn(random, areas.district(random, areas.homeArea(random, force)));
  }

  /** A family home in an authority's area. */
  Home family(Random random, LocalAuthority authority) {
    return familyIn(random, areas.district(random, authority));
  }

  private Home familyIn(Random random, String district) {
    int roll = random.nextInt(20);
    String status = roll < 17 ? "NOT_IN_CARE" : roll < 19 ? "CHILD_IN_NEED" : "CHILD_PROTECTION_PLAN";
    return new Home(district, areas.area(district).forceArea(), records.address(random, district, "HOME_ADDRESS"), false, status, null);
  }

  /**
   * A children's home in the area the force covers, for a looked-after child of an authority
   * there: two in three in the authority's own area, the others in another authority's.
   */
  Home inCare(Random random, String force, String ref) {
    String area = areas.homeArea(random, force);
    LocalAuthority placedIn = areas.authority(random, area);
    if (placedIn == null) {
      // Outside England and Wales the lists hold no authority to name.
      return childrensHome(random, force, ref, null, null, areas.district(random, area));
    }
    LocalAuthority responsible =
        random.nextInt(3) == 0 ? areas.otherAuthority(random, placedIn, random.nextInt(3) > 0) : placedIn;
    return childrensHome(random, force, ref, responsible, placedIn, areas.district(random, placedIn));
  }

  /**
   * A children's home in the area the force covers for a child {@code responsible} looks after
   * (null: no authority the lists know): in that authority's own area if the force covers it,
   * else in another's.
   */
  Home placed(Random random, String force, String ref, LocalAuthority responsible) {
    String area = areas.homeArea(random, force);
    LocalAuthority placedIn =
        responsible != null && responsible.forceArea().equals(area) ? responsible : areas.authority(random, area);
    String district = placedIn == null ? areas.district(random, area) : areas.district(random, placedIn);
    return childrensHome(random, force, ref, responsible, placedIn, district);
  }

  private Home childrensHome(
      Random random, String force, String ref, LocalAuthority responsible, LocalAuthority placedIn, String district) {
    String key = district + "#" + random.nextInt(HOMES_PER_DISTRICT);
    ObjectNode place = childrensHomes.get(key);
    if (place == null) {
      String name = HOUSE[random.nextInt(HOUSE.length)] + HOUSE_END[random.nextInt(HOUSE_END.length)] + " House";
      place = records.json.createObjectNode();
      place.put("name", name);
      place.putArray("addressLines").add(Records.street(random));
      place.put("postcode", Areas.postcode(random, district));
      place.put("kind", "CARE_PLACEMENT");
      childrensHomes.put(key, place);
    }
    String written = null;
    if (responsible != null) {
      written = Areas.written(responsible, forces.indexOf(force));
      if (!responsible.equals(placedIn)) {
        placements.add(
            new Placement(new ForceRef(force, ref), responsible.code(),
                placedIn == null ? null : placedIn.code(),
                placedIn == null || !responsible.forceArea().equals(placedIn.forceArea())));
      }
    }
    return new Home(district, areas.area(district).forceArea(), place, true, "LOOKED_AFTER", written);
  }
}
