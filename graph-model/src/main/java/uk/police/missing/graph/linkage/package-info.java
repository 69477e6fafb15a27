/**
 * Whether two records of a child may be the same child when no firm key joins them: the names
 * as people write them (short forms, transliterations, slips, sounds), near dates of birth, and
 * the other fields, weighed in the Fellegi–Sunter model that Splink uses. Blocking keys find the
 * candidates; comparison levels and their m and u probabilities give a match probability with
 * one reason per field.
 */
package uk.police.missing.graph.linkage;
