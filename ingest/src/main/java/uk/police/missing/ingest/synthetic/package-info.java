/**
 * Invented national data for demos, tests and benchmarks: episode records in the contract's
 * format, with planted patterns whose answers are known. No record describes a real person.
 */
package uk.police.missing.ingest.synthetic;
