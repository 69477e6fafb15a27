package uk.police.missing.ingest.episode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an NDJSON body one line at a time without ever holding more than one line, refusing a
 * body, a line or a line count beyond the limits as soon as it is crossed.
 */
final class NdjsonLines {

  /** One line: its number (from 1) and its text, or null text when it is not valid UTF-8. */
  record Line(long number, String text) {}

  private final InputStream in;
  private final long maxBody;
  private final int maxLine;
  private final int maxLines;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final byte[] chunk = new byte[64 * 1024];
  private int chunkPos;
  private int chunkLen;
  private long bodyBytes;
  private long lineNumber;
  private long nonBlankLines;
  private boolean eof;

  NdjsonLines(InputStream in, long maxBody, int maxLine, int maxLines) {
    this.in = in;
    this.maxBody = maxBody;
    this.maxLine = maxLine;
    this.maxLines = maxLines;
  }

  /** The next non-blank line, or null at the end of the body. */
  Line next() throws IOException {
    while (true) {
      if (eof && chunkPos >= chunkLen) {
        return null;
      }
      buffer.reset();
      boolean ended = readLine();
      if (!ended && buffer.size() == 0) {
        return null;
      }
      lineNumber++;
      byte[] bytes = stripCarriageReturn(buffer.toByteArray());
      if (lineNumber == 1) {
        bytes = stripByteOrderMark(bytes);
      }
      if (isBlank(bytes)) {
        continue;
      }
      if (++nonBlankLines > maxLines) {
        throw new IngestLimitExceededException(
            "more than " + maxLines + " records in one request: split the file", lineNumber);
      }
      return new Line(lineNumber, decode(bytes));
    }
  }

  // Appends bytes up to the next newline to the buffer; false when the body ended first.
  private boolean readLine() throws IOException {
    while (true) {
      if (chunkPos >= chunkLen) {
        if (!fill()) {
          return false;
        }
      }
      int start = chunkPos;
      while (chunkPos < chunkLen && chunk[chunkPos] != '\n') {
        chunkPos++;
      }
      int length = chunkPos - start;
      if (buffer.size() + length > maxLine) {
        throw new IngestLimitExceededException(
            "line " + (lineNumber + 1) + " is longer than " + maxLine + " bytes", lineNumber + 1);
      }
      buffer.write(chunk, start, length);
      if (chunkPos < chunkLen) {
        chunkPos++; // the newline
        return true;
      }
    }
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(chunk);
    if (n < 0) {
      eof = true;
      chunkPos = chunkLen = 0;
      return false;
    }
    bodyBytes += n;
    if (bodyBytes > maxBody) {
      throw new IngestLimitExceededException(
          "the request body is larger than " + maxBody + " bytes: split it into smaller requests",
          0);
    }
    chunkPos = 0;
    chunkLen = n;
    return true;
  }

  private static byte[] stripCarriageReturn(byte[] bytes) {
    if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      return java.util.Arrays.copyOf(bytes, bytes.length - 1);
    }
    return bytes;
  }

  private static byte[] stripByteOrderMark(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      return java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
    }
    return bytes;
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
