package uk.police.missing.ingest.episode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import uk.police.missing.graph.area.AreaDirectory;
import uk.police.missing.graph.area.EpisodeAreas;
import uk.police.missing.graph.episode.EpisodeWrite;
import uk.police.missing.graph.episode.EpisodeWrite.Mention;
import uk.police.missing.graph.episode.EpisodeWrite.PlaceMention;
import uk.police.missing.ingest.resolution.Keys;

/**
 * Turns a record that passed validation into what the graph stores: the episode's own fields on
 * the episode node, and a mention (with what the record said) for each child, person, place,
 * phone and vehicle it names. Absent fields stay absent, so what is read back is what was sent.
 */
final class EpisodeMapper {

  private static final AreaDirectory AREAS = AreaDirectory.national();

  private EpisodeMapper() {}

  static EpisodeWrite map(JsonNode r, String payload, String sha256) {
    String force = r.get("force").stringValue();
    Map<String, Object> episode = new HashMap<>();
    episode.put("withdrawn", r.path("withdrawn").asBoolean(false));
    episode.put("reportedAt", instant(r.get("reportedAt")));
    episode.put("status", r.get("status").stringValue());
    put(episode, "notes", text(r.get("notes")));
    episode.put("missingFromKind", r.get("missingFrom").get("kind").stringValue());
    JsonNode risk = r.get("risk");
    episode.put("riskLevel", risk.get("level").stringValue());
    episode.put("riskAssessedAt", instant(risk.get("assessedAt")));
    put(episode, "riskFactors", strings(risk.get("factors")));
    JsonNode lastSeen = r.get("lastSeen");
    if (lastSeen != null) {
      episode.put("lastSeenAt", instant(lastSeen.get("at")));
    }
    JsonNode found = r.get("found");
    if (found != null) {
      episode.put("foundAt", instant(found.get("at")));
      put(episode, "foundBy", text(found.get("foundBy")));
    }
    JsonNode rhi = r.get("returnInterview");
    if (rhi != null) {
      episode.put("rhiStatus", rhi.get("status").stringValue());
      put(episode, "rhiOfferedAt", instant(rhi.get("offeredAt")));
      put(episode, "rhiCompletedAt", instant(rhi.get("completedAt")));
      put(episode, "rhiAgency", text(rhi.get("agency")));
      put(episode, "rhiPushFactors", strings(rhi.get("pushFactors")));
      put(episode, "rhiPullFactors", strings(rhi.get("pullFactors")));
      put(episode, "rhiDisclosures", strings(rhi.get("disclosures")));
      put(episode, "rhiSummary", text(rhi.get("summary")));
    }
    // Whether a list was sent at all (even empty) is part of what was received.
    putCount(episode, "sightingCount", r.get("sightings"));
    putCount(episode, "associateCount", r.get("associates"));
    putCount(episode, "phoneCount", r.get("phones"));
    putCount(episode, "vehicleCount", r.get("vehicles"));

    JsonNode child = r.get("child");
    Mention childMention = childMention(force, child);

    List<PlaceMention> places = new ArrayList<>();
    addPlace(places, "HOME_PLACE", child.get("homePlace"), Map.of());
    addPlace(places, "MISSING_FROM", r.get("missingFrom").get("place"), Map.of());
    if (lastSeen != null) {
      addPlace(places, "LAST_SEEN_AT", lastSeen.get("place"), Map.of());
    }
    if (found != null) {
      addPlace(places, "FOUND_AT", found.get("place"), Map.of());
    }
    List<Mention> with = new ArrayList<>();
    if (lastSeen != null) {
      addWith(with, force, lastSeen.get("withPeople"), "LAST_SEEN", null);
    }
    if (found != null) {
      addWith(with, force, found.get("withPeople"), "FOUND", null);
    }
    JsonNode sightings = r.get("sightings");
    if (sightings != null) {
      for (int i = 0; i < sightings.size(); i++) {
        JsonNode s = sightings.get(i);
        Map<String, Object> extra = new HashMap<>();
        extra.put("ordinal", i);
        put(extra, "at", instant(s.get("at")));
        put(extra, "sightingKind", text(s.get("kind")));
        addPlace(places, "SIGHTED_AT", s.get("place"), extra);
        addWith(with, force, s.get("withPeople"), "SIGHTING", i);
      }
    }

    EpisodeAreas.describe(episode, places, childMention.properties(), AREAS);

    List<Mention> people = new ArrayList<>();
    List<Mention> phones = new ArrayList<>();
    List<Mention> vehicles = new ArrayList<>();
    addPhones(phones, r.get("phones"), null);
    addVehicles(vehicles, r.get("vehicles"), null);
    JsonNode associates = r.get("associates");
    if (associates != null) {
      for (int i = 0; i < associates.size(); i++) {
        JsonNode a = associates.get(i);
        String personRef = a.get("personRef").stringValue();
        Map<String, Object> props = associate(a, i);
        people.add(new Mention("INVOLVES", EpisodeWrite.recordKey(force, personRef), props));
        addPhones(phones, a.get("phones"), personRef);
        addVehicles(vehicles, a.get("vehicles"), personRef);
      }
    }
    return new EpisodeWrite(
        force,
        r.get("episodeRef").stringValue(),
        r.get("recordVersion").longValue(),
        payload,
        sha256,
        episode,
        childMention,
        people,
        with,
        places,
        phones,
        vehicles);
  }

  // The child as this record describes them, with the keys they are matched and found by.
  private static Mention childMention(String force, JsonNode child) {
    String givenName = child.get("givenName").stringValue();
    String familyName = child.get("familyName").stringValue();
    List<String> aliases = strings(child.get("alsoKnownAs"));
    LocalDate dateOfBirth = LocalDate.parse(child.get("dateOfBirth").stringValue());
    Boolean estimated = bool(child.get("dateOfBirthEstimated"));
    boolean dateOfBirthEstimated = Boolean.TRUE.equals(estimated);
    String pncId = text(child.get("pncId"));
    Map<String, Object> childProps = new HashMap<>();
    childProps.put("personRef", child.get("personRef").stringValue());
    childProps.put("givenName", givenName);
    childProps.put("familyName", familyName);
    put(childProps, "alsoKnownAs", aliases);
    childProps.put("dateOfBirth", dateOfBirth);
    put(childProps, "dateOfBirthEstimated", estimated);
    put(childProps, "sex", text(child.get("sex")));
    put(childProps, "pncId", pncId);
    put(childProps, "careStatus", text(child.get("careStatus")));
    put(childProps, "responsibleAuthority", text(child.get("responsibleAuthority")));
    put(childProps, "flags", strings(child.get("flags")));
    childProps.put(
        "identityKeys",
        Keys.child(pncId, dateOfBirth, dateOfBirthEstimated, givenName, familyName, aliases));
    childProps.put("searchNames", Keys.searchNames(givenName, familyName, aliases));
    childProps.put("nameKeys", Keys.childNames(givenName, familyName, aliases));
    childProps.put(
        "matchKeys",
        Keys.childMatch(givenName, familyName, aliases, dateOfBirth, dateOfBirthEstimated));
    return new Mention(
        "CONCERNS", EpisodeWrite.recordKey(force, child.get("personRef").stringValue()), childProps);
  }

  // An associate as this record describes them, with the keys they are matched by.
  private static Map<String, Object> associate(JsonNode a, int ordinal) {
    String givenName = text(a.get("givenName"));
    String familyName = text(a.get("familyName"));
    List<String> aliases = strings(a.get("alsoKnownAs"));
    LocalDate dateOfBirth = date(a.get("dateOfBirth"));
    String pncId = text(a.get("pncId"));
    List<String> phoneNumbers = strings(a.get("phones"));
    List<String> registrations = new ArrayList<>();
    if (a.has("vehicles")) {
      a.get("vehicles").values().forEach(v -> registrations.add(v.get("registration").stringValue()));
    }
    Map<String, Object> props = new HashMap<>();
    props.put("ordinal", ordinal);
    props.put("personRef", a.get("personRef").stringValue());
    props.put("role", a.get("role").stringValue());
    put(props, "givenName", givenName);
    put(props, "familyName", familyName);
    put(props, "alsoKnownAs", aliases);
    put(props, "dateOfBirth", dateOfBirth);
    put(props, "approximateAge", a.has("approximateAge") ? a.get("approximateAge").asLong() : null);
    put(props, "pncId", pncId);
    put(props, "isChild", bool(a.get("isChild")));
    put(props, "phones", phoneNumbers);
    put(props, "vehicleCount", a.has("vehicles") ? registrations.size() : null);
    props.put("identityKeys", Keys.person(pncId, dateOfBirth, givenName, familyName));
    props.put("matchKeys", Keys.personMatch(phoneNumbers, registrations, aliases));
    return props;
  }

  private static void addPlace(
      List<PlaceMention> places, String type, JsonNode place, Map<String, Object> extra) {
    if (place == null) {
      return;
    }
    Map<String, Object> props = new HashMap<>(extra);
    String uprn = text(place.get("uprn"));
    String postcode = text(place.get("postcode"));
    String name = text(place.get("name"));
    String town = text(place.get("town"));
    List<String> lines = strings(place.get("addressLines"));
    JsonNode geo = place.get("geo");
    Double lat = geo == null ? null : geo.get("lat").doubleValue();
    Double lon = geo == null ? null : geo.get("lon").doubleValue();
    put(props, "uprn", uprn);
    put(props, "postcode", postcode);
    put(props, "name", name);
    put(props, "town", town);
    put(props, "addressLines", lines);
    put(props, "lat", lat);
    put(props, "lon", lon);
    put(props, "kind", text(place.get("kind")));
    var record =
        Keys.place(uprn, postcode, lines, name, lat, lon, town)
            .in(EpisodeAreas.of(AREAS, postcode, lat, lon));
    places.add(new PlaceMention(type, record, props));
  }

  private static void addWith(
      List<Mention> with, String force, JsonNode refs, String context, Integer sighting) {
    if (refs == null) {
      return;
    }
    for (int i = 0; i < refs.size(); i++) {
      Map<String, Object> props = new HashMap<>();
      props.put("context", context);
      props.put("ordinal", i);
      put(props, "sighting", sighting);
      with.add(new Mention("WITH", EpisodeWrite.recordKey(force, refs.get(i).stringValue()), props));
    }
  }

  private static void addPhones(List<Mention> phones, JsonNode numbers, String via) {
    if (numbers == null) {
      return;
    }
    for (int i = 0; i < numbers.size(); i++) {
      String written = numbers.get(i).stringValue();
      Map<String, Object> props = new HashMap<>();
      props.put("asRecorded", written);
      props.put("ordinal", i);
      put(props, "via", via);
      phones.add(new Mention("LINKED_PHONE", Keys.phone(written), props));
    }
  }

  private static void addVehicles(List<Mention> vehicles, JsonNode list, String via) {
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode v = list.get(i);
      String registration = v.get("registration").stringValue();
      Map<String, Object> props = new HashMap<>();
      props.put("registration", registration);
      props.put("ordinal", i);
      put(props, "make", text(v.get("make")));
      put(props, "model", text(v.get("model")));
      put(props, "colour", text(v.get("colour")));
      put(props, "via", via);
      vehicles.add(new Mention("LINKED_VEHICLE", Keys.registration(registration), props));
    }
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static void putCount(Map<String, Object> map, String key, JsonNode array) {
    if (array != null) {
      map.put(key, array.size());
    }
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.stringValue();
  }

  private static Boolean bool(JsonNode node) {
    return node == null ? null : node.booleanValue();
  }

  private static OffsetDateTime instant(JsonNode node) {
    // RFC 3339 allows a lower-case t and z; java.time does not.
    return node == null
        ? null
        : OffsetDateTime.parse(node.stringValue().toUpperCase(java.util.Locale.ROOT));
  }

  private static LocalDate date(JsonNode node) {
    return node == null ? null : LocalDate.parse(node.stringValue());
  }

  private static List<String> strings(JsonNode array) {
    if (array == null) {
      return null;
    }
    List<String> out = new ArrayList<>(array.size());
    array.values().forEach(v -> out.add(v.stringValue()));
    return out;
  }
}
