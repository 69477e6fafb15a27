package uk.police.missing.api;

import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invented episode records in the contract's format, built a field at a time, for tests that need
 * a handful of episodes with chosen places, times and interviews. Every name in them is invented.
 */
public final class EpisodeRecords {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ObjectNode record = JSON.createObjectNode();

  private EpisodeRecords(String force, String episodeRef) {
    record.put("schemaVersion", 1);
    record.put("force", force);
    record.put("episodeRef", episodeRef);
    record.put("recordVersion", 1);
    record.putObject("missingFrom").put("kind", "HOME");
    record.put("status", "MISSING");
  }

  /** An episode of {@code force}, reported at {@code reportedAt}, graded LOW until told. */
  public static EpisodeRecords episode(String force, String episodeRef, String reportedAt) {
    EpisodeRecords r = new EpisodeRecords(force, episodeRef);
    r.record.put("reportedAt", reportedAt);
    r.risk("LOW");
    return r;
  }

  /** A place written with a postcode and a first address line. */
  public static ObjectNode place(String postcode, String line) {
    ObjectNode place = JSON.createObjectNode();
    place.put("postcode", postcode);
    place.putArray("addressLines").add(line);
    return place;
  }

  /** A place written with a name and a position only. */
  public static ObjectNode placeAt(String name, double lat, double lon) {
    ObjectNode place = JSON.createObjectNode();
    place.put("name", name);
    place.putObject("geo").put("lat", lat).put("lon", lon);
    return place;
  }

  public EpisodeRecords child(String personRef, String givenName, String familyName, String dateOfBirth) {
    ObjectNode child = record.putObject("child");
    child.put("personRef", personRef);
    child.put("givenName", givenName);
    child.put("familyName", familyName);
    child.put("dateOfBirth", dateOfBirth);
    return this;
  }

  /** Looked after by {@code responsibleAuthority}, missing from a children's home at {@code home}. */
  public EpisodeRecords lookedAfter(String responsibleAuthority, ObjectNode home) {
    ObjectNode child = (ObjectNode) record.get("child");
    child.put("careStatus", "LOOKED_AFTER");
    child.put("responsibleAuthority", responsibleAuthority);
    ObjectNode from = record.putObject("missingFrom");
    from.put("kind", "CHILDRENS_HOME");
    from.set("place", home);
    return this;
  }

  public EpisodeRecords flags(String... flags) {
    ObjectNode child = (ObjectNode) record.get("child");
    var list = child.putArray("flags");
    for (String f : flags) {
      list.add(f);
    }
    return this;
  }

  public EpisodeRecords missingFrom(ObjectNode place) {
    ((ObjectNode) record.get("missingFrom")).set("place", place);
    return this;
  }

  public EpisodeRecords risk(String level, String... factors) {
    ObjectNode risk = record.putObject("risk");
    risk.put("level", level);
    risk.put("assessedAt", record.get("reportedAt").asString());
    if (factors.length > 0) {
      var list = risk.putArray("factors");
      for (String f : factors) {
        list.add(f);
      }
    }
    return this;
  }

  public EpisodeRecords sighted(ObjectNode place) {
    var sightings = record.has("sightings") ? (tools.jackson.databind.node.ArrayNode) record.get("sightings") : record.putArray("sightings");
    sightings.addObject().set("place", place);
    return this;
  }

  /** Found at {@code place}, {@code hours} after the report. */
  public EpisodeRecords found(int hours, ObjectNode place) {
    record.put("status", "FOUND");
    ObjectNode found = record.putObject("found");
    found.put("at", at(hours));
    if (place != null) {
      found.set("place", place);
    }
    return this;
  }

  /**
   * A return home interview: {@code status}, offered and completed so many hours after the
   * child was found (null: not recorded).
   */
  public EpisodeRecords interview(String status, Integer offeredHours, Integer completedHours) {
    int found = hoursToFound();
    ObjectNode rhi = record.putObject("returnInterview");
    rhi.put("status", status);
    if (offeredHours != null) {
      rhi.put("offeredAt", at(found + offeredHours));
    }
    if (completedHours != null) {
      rhi.put("completedAt", at(found + completedHours));
    }
    rhi.put("summary", "Invented summary of what the child said.");
    return this;
  }

  /** An associate with a role, a name (or none) and phones. */
  public EpisodeRecords associate(
      String personRef, String role, String givenName, String familyName, List<String> phones) {
    var associates =
        record.has("associates") ? (tools.jackson.databind.node.ArrayNode) record.get("associates") : record.putArray("associates");
    ObjectNode a = associates.addObject();
    a.put("personRef", personRef);
    a.put("role", role);
    if (givenName != null) {
      a.put("givenName", givenName);
      a.put("familyName", familyName);
    }
    var list = a.putArray("phones");
    phones.forEach(list::add);
    return this;
  }

  public EpisodeRecords version(int version, boolean withdrawn) {
    record.put("recordVersion", version);
    record.put("withdrawn", withdrawn);
    return this;
  }

  public String json() {
    return JSON.writeValueAsString(record);
  }

  private String at(int hoursAfterReport) {
    // RFC 3339 wants the seconds, which OffsetDateTime.toString() leaves out when they are zero.
    return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        OffsetDateTime.parse(record.get("reportedAt").asString()).plusHours(hoursAfterReport));
  }

  private int hoursToFound() {
    OffsetDateTime reported = OffsetDateTime.parse(record.get("reportedAt").asString());
    OffsetDateTime found = OffsetDateTime.parse(record.get("found").get("at").asString());
    return (int) java.time.Duration.between(reported, found).toHours();
  }
}
