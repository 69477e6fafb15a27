/**
 * Places as analysts look for them: search by postcode, words and distance, the area each place
 * is in, every way forces wrote it, and the reference list of authorities.
 */
package uk.police.missing.api.place;
