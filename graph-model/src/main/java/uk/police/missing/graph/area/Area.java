package uk.police.missing.graph.area;

/**
 * Where a place is: its postcode district, the children's services authority that covers it
 * (absent outside England and Wales) and the police force area.
 *
 * @param postcodeDistrict the outward code, e.g. {@code B1}
 * @param authority the authority covering most of the district, or null (Scotland, Northern
 *     Ireland)
 * @param forceArea the code of the territorial force whose area it is in
 */
public record Area(String postcodeDistrict, LocalAuthority authority, String forceArea) {

  /** The authority's GSS code, or null. */
  public String authorityCode() {
    return authority == null ? null : authority.code();
  }
}
