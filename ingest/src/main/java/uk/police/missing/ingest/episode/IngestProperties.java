package uk.police.missing.ingest.episode;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of one ingest request and how it is written.
 *
 * @param maxBody the largest request body; larger ones are refused with 413 before any write
 * @param maxLine the longest single line; the contract's largest legal record is far smaller
 * @param maxLines the most lines in one request
 * @param batchSize records written per transaction
 * @param spoolDirectory where validated lines wait between reading and writing (files are
 *     readable by the service's user only and deleted after the request); the system temporary
 *     folder when unset
 */
@Validated
@ConfigurationProperties("missing.ingest")
public record IngestProperties(
    @DefaultValue("64MB") DataSize maxBody,
    @DefaultValue("1MB") DataSize maxLine,
    @DefaultValue("100000") @Min(1) int maxLines,
    @DefaultValue("2000") @Min(1) @Max(10000) int batchSize,
    Path spoolDirectory) {}
