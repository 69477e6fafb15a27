// The force's view of a child lists its episodes newest first, and intelligence queries skip
// withdrawn episodes and filter by report date.
CREATE INDEX missing_episode_reported_at IF NOT EXISTS FOR (n:MissingEpisode) ON (n.reportedAt);
CREATE INDEX missing_episode_withdrawn IF NOT EXISTS FOR (n:MissingEpisode) ON (n.withdrawn);
