// Every MERGE of an ingest batch goes through one of these: they make writes idempotent under
// concurrency and give each MERGE an index to look its node up by.
CREATE CONSTRAINT force_code IF NOT EXISTS FOR (n:Force) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT missing_episode_key IF NOT EXISTS FOR (n:MissingEpisode) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT episode_record_key IF NOT EXISTS FOR (n:EpisodeRecord) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT child_record_key IF NOT EXISTS FOR (n:ChildRecord) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT person_record_key IF NOT EXISTS FOR (n:PersonRecord) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT place_key IF NOT EXISTS FOR (n:Place) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT phone_key IF NOT EXISTS FOR (n:Phone) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT vehicle_key IF NOT EXISTS FOR (n:Vehicle) REQUIRE n.key IS UNIQUE;
// Public ids of the entities analysts see; never Neo4j's internal element ids.
CREATE CONSTRAINT child_id IF NOT EXISTS FOR (n:Child) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT phone_id IF NOT EXISTS FOR (n:Phone) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT vehicle_id IF NOT EXISTS FOR (n:Vehicle) REQUIRE n.id IS UNIQUE;
