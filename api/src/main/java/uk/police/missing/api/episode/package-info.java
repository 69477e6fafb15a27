/** GraphQL questions about one force's episodes and records: what a force sent, read back. */
package uk.police.missing.api.episode;
