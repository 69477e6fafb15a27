// Children by their episodes in a period ("three times or more in the last 90 days") count the
// episodes reported in the period per child: with the report time, whether withdrawn and the
// child's id in one index, the count reads the index alone, never the episodes themselves.
CREATE RANGE INDEX missing_episode_window IF NOT EXISTS FOR (n:MissingEpisode) ON (n.reportedAt, n.withdrawn, n.childId);
