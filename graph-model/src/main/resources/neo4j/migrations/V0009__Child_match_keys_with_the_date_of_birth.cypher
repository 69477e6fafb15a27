// Child match keys were the name alone, so every new record of a child with a common name was
// compared with every stored child of that name. They now pair the name with the year of birth
// (the years either side for an estimate) and with the day and month of birth, as ingest writes
// them since this version. Each child's mentions, its record, and its MatchKey links are
// rewritten from the old keys (child:name:GIVEN|FAMILY) and the date of birth stored beside
// them; a name key no record holds any more goes. Open and decided possible matches stay: every
// pair the old keys could show evidence for shares one of the new keys. Runs in batches of 1,000
// records; does nothing on a store written since.
MATCH (r:ChildRecord)
WHERE any(k IN coalesce(r.matchKeys, []) WHERE k STARTS WITH 'child:name:')
   OR EXISTS { (r)<-[m:CONCERNS]-() WHERE any(k IN coalesce(m.matchKeys, []) WHERE k STARTS WITH 'child:name:') }
CALL (r) {
  // The same rewriting twice, for the mentions and for the record: Cypher cannot SET a property
  // on a list that holds both relationships and nodes.
  CALL (r) {
    MATCH (r)<-[m:CONCERNS]-()
    WHERE any(k IN coalesce(m.matchKeys, []) WHERE k STARTS WITH 'child:name:')
    WITH m, m.dateOfBirth AS born, coalesce(m.dateOfBirthEstimated, false) AS estimated,
         [k IN m.matchKeys WHERE k STARTS WITH 'child:name:' | substring(k, 11)] AS names
    SET m.matchKeys = CASE WHEN born IS NULL THEN [] ELSE reduce(
          keys = [k IN m.matchKeys WHERE NOT k STARTS WITH 'child:name:'], name IN names |
          keys
          + [year IN CASE WHEN estimated THEN range(born.year - 1, born.year + 1) ELSE [born.year] END
             | 'child:name-born:' + year + '|' + name]
          + CASE WHEN estimated THEN [] ELSE ['child:name-birthday:' + substring(toString(born), 5) + '|' + name] END)
        END
  }
  CALL (r) {
    WITH r WHERE any(k IN coalesce(r.matchKeys, []) WHERE k STARTS WITH 'child:name:')
    WITH r, r.dateOfBirth AS born, coalesce(r.dateOfBirthEstimated, false) AS estimated,
         [k IN r.matchKeys WHERE k STARTS WITH 'child:name:' | substring(k, 11)] AS names
    SET r.matchKeys = CASE WHEN born IS NULL THEN [] ELSE reduce(
          keys = [k IN r.matchKeys WHERE NOT k STARTS WITH 'child:name:'], name IN names |
          keys
          + [year IN CASE WHEN estimated THEN range(born.year - 1, born.year + 1) ELSE [born.year] END
             | 'child:name-born:' + year + '|' + name]
          + CASE WHEN estimated THEN [] ELSE ['child:name-birthday:' + substring(toString(born), 5) + '|' + name] END)
        END
  }
  CALL (r) {
    MATCH (r)-[h:HAS_MATCH_KEY]->(k:MatchKey) WHERE k.value STARTS WITH 'child:name:'
    DELETE h
    WITH DISTINCT k WHERE NOT EXISTS { (k)<-[:HAS_MATCH_KEY]-() }
    DELETE k
  }
  CALL (r) {
    UNWIND r.matchKeys AS value
    MERGE (k:MatchKey {value: value})
    MERGE (r)-[:HAS_MATCH_KEY]->(k)
  }
} IN TRANSACTIONS OF 1000 ROWS;
