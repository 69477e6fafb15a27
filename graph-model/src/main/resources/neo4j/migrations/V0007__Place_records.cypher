// Places resolve like children and people: episodes point at a PlaceRecord, one way of writing a
// place, and records that share an identity key (a UPRN; a postcode with a first address line or
// a name) are one Place. Every MERGE of a place record looks it up by its key.
CREATE CONSTRAINT place_record_key IF NOT EXISTS FOR (n:PlaceRecord) REQUIRE n.key IS UNIQUE;
// The "within about 25 metres" possible match looks places up by position, not by a scan.
CREATE POINT INDEX place_record_location IF NOT EXISTS FOR (n:PlaceRecord) ON (n.location);
// A Place is now known by its records and its id; it has no key of its own any more.
DROP CONSTRAINT place_key IF EXISTS;
