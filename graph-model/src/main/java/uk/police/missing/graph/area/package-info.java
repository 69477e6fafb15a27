/**
 * Where things happen: the police force areas and children's services authorities of England and
 * Wales, and the postcode districts that place a postcode or a position in them. The reference
 * lists ship with the service ({@code areas/}); each place and episode is given its area at ingest,
 * so analysts can ask about a force's area or an authority's children without geocoding anything
 * at query time.
 */
package uk.police.missing.graph.area;
