// Place search by words must not grow with the store: a common word ('street') matches a large
// share of all places, so the search takes only the best matches from the index. For a search
// in a force area or authority, the area must be part of that index query, or the best matches
// found nationally could leave out every one in the area asked about. This index replaces
// place_record_words and adds each record's area to the words.
CREATE FULLTEXT INDEX place_record_search IF NOT EXISTS FOR (n:PlaceRecord) ON EACH [n.name, n.line, n.town, n.forceArea, n.authority];
DROP INDEX place_record_words IF EXISTS;
