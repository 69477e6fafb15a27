// Counts each place's sightings (see V0010) in a store written before ingest kept them, from its
// records' degrees. Runs in batches of 1,000 places; on an empty store it does nothing.
MATCH (x:Place) WHERE x.sightings IS NULL
CALL (x) {
  OPTIONAL MATCH (x)<-[:RECORD_OF]-(r:PlaceRecord)
  WITH x, sum(COUNT { (r)<-[:LAST_SEEN_AT|SIGHTED_AT|FOUND_AT]-() }) AS sightings
  SET x.sightings = sightings
} IN TRANSACTIONS OF 1000 ROWS;
