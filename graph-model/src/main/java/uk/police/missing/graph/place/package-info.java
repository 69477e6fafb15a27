/**
 * Places as analysts look for them: search by postcode, words and distance, and every way forces
 * wrote a place. Who is which place (place records, their keys and possible matches) is the
 * identity package's.
 */
package uk.police.missing.graph.place;
