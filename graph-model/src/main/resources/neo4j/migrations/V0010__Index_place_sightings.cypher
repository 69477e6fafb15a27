// The places-of-concern ranking starts from the places whose sightings (last seen, sighted or
// found there) reach the number of children asked for; V0011 counts them for a store written
// before, and ingest keeps them counted.
CREATE RANGE INDEX place_sightings IF NOT EXISTS FOR (n:Place) ON (n.sightings);
