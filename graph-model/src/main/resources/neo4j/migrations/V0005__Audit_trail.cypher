// The audit trail: who consulted what, when and why (DPA 2018 s.62). Records form one hash chain
// whose head is the single AuditChain node (seeded by V0006: Neo4j runs no data write in a
// transaction that changed the schema). Appends lock the head; the sequence constraint is a
// second guard against two records taking the same place in the chain.
CREATE CONSTRAINT audit_chain_id IF NOT EXISTS FOR (n:AuditChain) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_record_sequence IF NOT EXISTS FOR (n:AuditRecord) REQUIRE n.sequence IS UNIQUE;
// One node per child or person id ever returned, so "who looked at this child" follows that
// node's links instead of scanning every record. Concurrent appends meet on one node.
CREATE CONSTRAINT audit_subject_kind_id IF NOT EXISTS FOR (n:AuditSubject) REQUIRE (n.kind, n.id) IS UNIQUE;
