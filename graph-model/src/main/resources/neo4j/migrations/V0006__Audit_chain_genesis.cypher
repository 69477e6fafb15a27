// The head of the audit chain before any record: sequence 0 and the genesis hash the first record
// links back to. Created here once and never by the service, so an append that finds no head
// fails instead of silently starting a second chain.
MERGE (h:AuditChain {id: 'main'})
  ON CREATE SET h.lastSequence = 0,
                h.lastHash = '0000000000000000000000000000000000000000000000000000000000000000';
