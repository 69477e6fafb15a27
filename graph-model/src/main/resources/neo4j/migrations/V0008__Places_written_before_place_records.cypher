// A store written before V0007 has episodes pointing straight at a Place with one key. Each such
// Place gets one PlaceRecord that carries that key as its identity key (in the form of V0007),
// and its mentions move to the record, unchanged. So every place keeps its id and stays one
// place; a later version of an episode writes the place through the ordinary records and their
// further keys, and a legacy record no episode points at any more goes like any other.
MATCH (p:Place) WHERE p.key IS NOT NULL
CALL (p) {
  CREATE (r:PlaceRecord {key: 'legacy|' + p.key, writtenKeys: ['place:' + p.key],
                         identityKeys: ['place:' + p.key]})-[:RECORD_OF]->(p)
  MERGE (k:IdentityKey {value: 'place:' + p.key})
  CREATE (r)-[:HAS_KEY]->(k)
  WITH p, r
  MATCH (e:MissingEpisode)-[m:MISSING_FROM|LAST_SEEN_AT|SIGHTED_AT|FOUND_AT|HOME_PLACE]->(p)
  CREATE (e)-[moved:$(type(m))]->(r)
  SET moved = properties(m)
  DELETE m
  WITH DISTINCT p
  REMOVE p.key
} IN TRANSACTIONS OF 1000 ROWS;
