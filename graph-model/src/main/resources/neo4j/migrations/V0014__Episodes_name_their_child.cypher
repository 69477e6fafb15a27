// Each episode names the id of the child its record belongs to (childId), kept by ingest and
// identity resolution, so the lists that count children by their episodes read it from the
// episode. A store written before gets it from the graph, in batches of 1,000 episodes; on an
// empty store, or one written since, it does nothing.
MATCH (e:MissingEpisode) WHERE e.childId IS NULL
CALL (e) {
  MATCH (e)-[:CONCERNS]->(:ChildRecord)-[:RECORD_OF]->(c:Child)
  SET e.childId = c.id
} IN TRANSACTIONS OF 1000 ROWS;
