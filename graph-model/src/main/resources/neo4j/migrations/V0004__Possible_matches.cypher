// Records sharing a match key (a name, a phone, a vehicle, a street name) are compared for a
// possible match; an analyst's decision on a pair is kept on its PossibleMatch.
CREATE CONSTRAINT match_key_value IF NOT EXISTS FOR (n:MatchKey) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT possible_match_key IF NOT EXISTS FOR (n:PossibleMatch) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT possible_match_id IF NOT EXISTS FOR (n:PossibleMatch) REQUIRE n.id IS UNIQUE;
CREATE INDEX possible_match_status IF NOT EXISTS FOR (n:PossibleMatch) ON (n.status, n.confidence);
