/**
 * Missing episodes as the forces sent them, and the entities they mention.
 *
 * <p>Two layers are kept apart. What a force sent: the {@code MissingEpisode} (current state from
 * the highest {@code recordVersion}), every version received as an {@code EpisodeRecord} with its
 * exact text, the force-local {@code ChildRecord} and {@code PersonRecord}, and the {@code
 * PlaceRecord} of each way a place is written. Who we believe this is: {@code Child}, {@code
 * Person}, {@code Place}, {@code Phone}, {@code Vehicle}, reached from the records through {@code
 * RECORD_OF} or from the episode through its mentions. Every link between entities goes through
 * an episode, and the as-recorded details sit on the mention relationship, so withdrawing or
 * replacing an episode withdraws exactly the evidence it gave, and identity resolution can
 * re-point records without touching what was received.
 */
package uk.police.missing.graph.episode;
