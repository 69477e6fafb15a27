package uk.police.missing.graph.place;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import uk.police.missing.graph.intelligence.Page;

/**
 * Finds places the way an analyst names them: by postcode (whole, or its district), by words of
 * the name, first address line or town as any force wrote them, and by distance from a point.
 * Every way of writing a place is searched, so a hotel one force calls by its name and another by
 * its street is found by either. Results are places, each once.
 */
public final class PlaceSearch {

  /**
   * What to look for; at least one of postcode, words or a point. The parts combine with AND.
   *
   * @param postcode a whole postcode without spaces, upper case
   * @param district a postcode district (outward code), when no whole postcode is given
   * @param words normalised words (letters and digits only), each of which must begin a word of
   *     the name, line or town
   * @param lat latitude of the point, with lon and metres
   * @param metres how far from the point
   * @param forceAreas only places in these force areas
   * @param authorities only places in these authorities
   */
  public record Query(
      String postcode,
      String district,
      List<String> words,
      Double lat,
      Double lon,
      Double metres,
      List<String> forceAreas,
      List<String> authorities) {}

  /** A place found, and how far it is from the point asked about, in metres, if one was. */
  public record Hit(String placeId, Double metres) {}

  /**
   * A page of the places found.
   *
   * @param moreThanCounted more ways of writing matched the words than the search takes ({@link
   *     #WORD_MATCHES_TAKEN}): the places counted and listed are those of the best matches
   */
  public record Found(Page<Hit> page, boolean moreThanCounted) {}

  /** One way a force wrote a place, and how often each force wrote it so. */
  public record Spelling(
      String uprn,
      String name,
      List<String> addressLines,
      String town,
      String postcode,
      List<String> forceCodes,
      long mentions) {}

  /**
   * How many ways of writing a place a search by words takes from the index, best matches first.
   * A common word matches a large share of all places ('street' about a quarter), and reading
   * them all would make the search grow with the store; an analyst who gets this many narrows by
   * more words, a postcode district or an area rather than paging on.
   */
  public static final int WORD_MATCHES_TAKEN = 1000;

  // The way in returns records, with a score only when it ranks them (words). At most $taken + 1
  // are asked for, so that one more than are taken says the list was cut.
  private static final String SEARCH =
      """
      CALL () {
        %1$s
      }
      WITH collect({r: r, score: score}) AS found
      WITH found[..$taken] AS found, size(found) > $taken AS more
      UNWIND found AS f
      WITH f.r AS r, f.score AS score, more
      WITH r, score, more, %2$s AS metres
      MATCH (r)-[:RECORD_OF]->(p:Place)
      WHERE ($forceAreas IS NULL OR p.forceArea IN $forceAreas)
        AND ($authorities IS NULL OR p.authority IN $authorities)
      WITH p, more, min(metres) AS metres, max(score) AS score
      ORDER BY metres, score DESC, coalesce(p.sightings, 0) DESC, p.id
      WITH collect({id: p.id, metres: metres}) AS hits, coalesce(max(more), false) AS more
      RETURN size(hits) AS total, hits[$offset..$end] AS page, more
      """;

  // Each way in reads one index: the point index, the postcode or district index, or the
  // full-text index of words (with the area asked about, so the best matches are in it); the
  // query's other parts are then checked on the records found.
  private enum WayIn {
    POINT(
        """
        MATCH (r:PlaceRecord)
        WHERE point.distance(r.location, point({latitude: $lat, longitude: $lon})) <= $metres
        RETURN r, null AS score"""),
    POSTCODE("MATCH (r:PlaceRecord {postcode: $postcode}) RETURN r, null AS score"),
    DISTRICT("MATCH (r:PlaceRecord {district: $district}) RETURN r, null AS score"),
    WORDS(
        """
        CALL db.index.fulltext.queryNodes('place_record_search', $lucene, {limit: $taken + 1})
          YIELD node AS r, score
        RETURN r, score""");

    private final String cypher;

    WayIn(String cypher) {
      this.cypher = cypher;
    }

    static WayIn of(Query query) {
      return query.lat() != null
          ? POINT
          : query.postcode() != null ? POSTCODE : query.district() != null ? DISTRICT : WORDS;
    }
  }

  private static final String SPELLINGS =
      """
      UNWIND $ids AS id
      MATCH (:Place {id: id})<-[:RECORD_OF]-(:PlaceRecord)<-[m]-(e:MissingEpisode)
      WHERE NOT coalesce(e.withdrawn, false)
      WITH id, m.uprn AS uprn, m.name AS name, m.addressLines AS lines, m.town AS town,
           m.postcode AS postcode, e.force AS force, count(*) AS mentions
      WITH id, uprn, name, lines, town, postcode, collect(DISTINCT force) AS forces,
           sum(mentions) AS mentions
      ORDER BY mentions DESC, postcode, name
      RETURN id, collect({uprn: uprn, name: name, addressLines: lines, town: town,
                          postcode: postcode, forces: forces, mentions: mentions})[..$limit] AS spellings
      """;

  /** The most ways of writing listed per place, most used first. */
  public static final int SPELLINGS_LISTED = 100;

  private final Neo4jClient neo4j;
  private final int wordMatchesTaken;

  public PlaceSearch(Neo4jClient neo4j) {
    this(neo4j, WORD_MATCHES_TAKEN);
  }

  // Tests cut the list after a few matches rather than writing a thousand places.
  PlaceSearch(Neo4jClient neo4j, int wordMatchesTaken) {
    this.neo4j = neo4j;
    this.wordMatchesTaken = wordMatchesTaken;
  }

  /**
   * The places matching the query: nearest first when a point is given; by words, the best
   * matches first (whole words before beginnings of words, a short name before a long one);
   * otherwise, and among equals, the most sighted first.
   */
  public Found search(Query query, int offset, int first) {
    WayIn way = WayIn.of(query);
    List<String> checks = new ArrayList<>();
    if (way != WayIn.POSTCODE && query.postcode() != null) {
      checks.add("r.postcode = $postcode");
    }
    if (way != WayIn.DISTRICT && query.postcode() == null && query.district() != null) {
      checks.add("r.district = $district");
    }
    if (way != WayIn.WORDS && query.words() != null && !query.words().isEmpty()) {
      checks.add(
          "all(w IN $words WHERE any(t IN split(coalesce(r.name, '') + ' ' + coalesce(r.line, '') + ' '"
              + " + coalesce(r.town, ''), ' ') WHERE t STARTS WITH w))");
    }
    String ways =
        way.cypher
            + (checks.isEmpty()
                ? ""
                : "\nWITH r, score WHERE " + String.join(" AND ", checks) + "\nRETURN r, score");
    Map<String, Object> params = new HashMap<>();
    params.put("postcode", query.postcode());
    params.put("district", query.district());
    params.put("words", query.words());
    params.put("lucene", way == WayIn.WORDS ? lucene(query) : "");
    params.put("taken", way == WayIn.WORDS ? wordMatchesTaken : Integer.MAX_VALUE - 1);
    params.put("lat", query.lat());
    params.put("lon", query.lon());
    params.put("metres", query.metres());
    params.put("forceAreas", empty(query.forceAreas()) ? null : query.forceAreas());
    params.put("authorities", empty(query.authorities()) ? null : query.authorities());
    params.put("offset", offset);
    params.put("end", offset + first);
    String distance =
        way == WayIn.POINT
            ? "point.distance(r.location, point({latitude: $lat, longitude: $lon}))"
            : "null";
    return neo4j
        .query(SEARCH.formatted(ways.replace("\n", "\n        "), distance))
        .bindAll(params)
        .fetchAs(Found.class)
        .mappedBy(
            (types, row) ->
                new Found(
                    new Page<>(
                        row.get("page").asList(PlaceSearch::hit), offset, row.get("total").asLong()),
                    row.get("more").asBoolean()))
        .one()
        .orElseThrow();
  }

  private static Hit hit(Value v) {
    return new Hit(
        v.get("id").asString(), v.get("metres").isNull() ? null : v.get("metres").asDouble());
  }

  /**
   * The index query: every word begins a word of the name, line or town, a whole word scoring
   * above a beginning; and the record is in one of the areas asked about, if any. The words are
   * letters and digits (normalised by the caller) and the codes were checked against the known
   * ones, so no syntax of the caller's reaches the index; anything else is refused here.
   */
  static String lucene(Query query) {
    List<String> clauses = new ArrayList<>();
    for (String word : query.words()) {
      String w = plain(word);
      clauses.add(
          "+(name:%1$s^2 line:%1$s^2 town:%1$s^2 name:%1$s* line:%1$s* town:%1$s*)".formatted(w));
    }
    if (!empty(query.forceAreas())) {
      clauses.add("+forceArea:(" + terms(query.forceAreas()) + ")");
    }
    if (!empty(query.authorities())) {
      clauses.add("+authority:(" + terms(query.authorities()) + ")");
    }
    return String.join(" ", clauses);
  }

  private static String terms(List<String> codes) {
    return String.join(" ", codes.stream().map(PlaceSearch::plain).toList());
  }

  private static String plain(String term) {
    if (!term.matches("[A-Za-z0-9]+")) {
      throw new IllegalArgumentException("not letters and digits only: " + term);
    }
    return term.toLowerCase(Locale.ROOT);
  }

  /** For each place id, the ways forces wrote it in counting episodes, most used first. */
  public Map<String, List<Spelling>> spellings(List<String> placeIds) {
    Map<String, List<Spelling>> out = new HashMap<>();
    neo4j
        .query(SPELLINGS)
        .bindAll(Map.of("ids", placeIds, "limit", SPELLINGS_LISTED))
        .fetchAs(String.class)
        .mappedBy(
            (types, row) -> {
              String id = row.get("id").asString();
              out.put(id, row.get("spellings").asList(PlaceSearch::spelling));
              return id;
            })
        .all();
    return out;
  }

  private static Spelling spelling(Value v) {
    return new Spelling(
        text(v.get("uprn")),
        text(v.get("name")),
        v.get("addressLines").isNull() ? null : v.get("addressLines").asList(Value::asString),
        text(v.get("town")),
        text(v.get("postcode")),
        v.get("forces").asList(Value::asString),
        v.get("mentions").asLong());
  }

  private static String text(Value v) {
    return v.isNull() ? null : v.asString();
  }

  private static boolean empty(List<String> values) {
    return values == null || values.isEmpty();
  }
}
