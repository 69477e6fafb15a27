// Analysts filter every list by where things happened and by what the episode says; ingest keeps
// these on the place and the episode (see graph-model.md), and these indexes are the ways in.
// Places of concern start from the places whose sightings and sighting forces can reach what was
// asked; a force area or authority narrows them further.
CREATE RANGE INDEX place_sighting_forces IF NOT EXISTS FOR (n:Place) ON (n.sightingForces);
CREATE RANGE INDEX place_force_area IF NOT EXISTS FOR (n:Place) ON (n.forceArea);
CREATE RANGE INDEX place_authority IF NOT EXISTS FOR (n:Place) ON (n.authority);
// Place search: by postcode (whole or district) and by the words of its name, line and town.
CREATE RANGE INDEX place_record_postcode IF NOT EXISTS FOR (n:PlaceRecord) ON (n.postcode);
CREATE RANGE INDEX place_record_district IF NOT EXISTS FOR (n:PlaceRecord) ON (n.district);
CREATE FULLTEXT INDEX place_record_words IF NOT EXISTS FOR (n:PlaceRecord) ON EACH [n.name, n.line, n.town];
// A force's episodes in a period (lists, corridors, return interview gaps) and episodes by where
// a child went missing from or was found.
CREATE RANGE INDEX missing_episode_force_reported IF NOT EXISTS FOR (n:MissingEpisode) ON (n.force, n.reportedAt);
CREATE RANGE INDEX missing_episode_found_area IF NOT EXISTS FOR (n:MissingEpisode) ON (n.foundArea);
CREATE RANGE INDEX missing_episode_missing_from_area IF NOT EXISTS FOR (n:MissingEpisode) ON (n.missingFromArea);
CREATE RANGE INDEX missing_episode_found_authority IF NOT EXISTS FOR (n:MissingEpisode) ON (n.foundAuthority);
CREATE RANGE INDEX missing_episode_missing_from_authority IF NOT EXISTS FOR (n:MissingEpisode) ON (n.missingFromAuthority);
// The review queue by kind.
CREATE RANGE INDEX possible_match_kind IF NOT EXISTS FOR (n:PossibleMatch) ON (n.kind, n.status);
