package uk.police.missing.graph.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash of an audit record: lowercase hex SHA-256 over its canonical form.
 *
 * <p>The canonical form is a sequence of items, each written so that no two different records
 * can give the same bytes, whatever their text contains:
 *
 * <ul>
 *   <li>text: {@code s}, its length in UTF-8 bytes in decimal, {@code :}, then those bytes;
 *   <li>absent text: {@code -};
 *   <li>list of text: {@code l}, the number of items in decimal, {@code :}, then each item as
 *       text, in the order given.
 * </ul>
 *
 * <p>The items, in this order: the format tag {@code missing-audit-v1}; the sequence in decimal;
 * the previous hash; {@code at} in UTC as {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ} (always nine
 * fractional digits); subject; clientId; force; issuer; roles (list); operation; variablesJson;
 * purpose; childIds (list); personIds (list); outcome; detail. An auditor can recompute it with
 * any language's SHA-256 from the stored properties alone.
 */
final class AuditHash {

  /** What record 1 links back to, and the head's hash while the chain is empty. */
  static final String GENESIS = "0".repeat(64);

  // Names the canonical form; a later form gets a new tag, so old records still verify.
  private static final String FORMAT = "missing-audit-v1";

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AuditHash() {}

  static String of(long sequence, String previousHash, AuditEntry e) {
    MessageDigest sha = sha256();
    text(sha, FORMAT);
    text(sha, Long.toString(sequence));
    text(sha, previousHash);
    text(sha, AT.format(e.at()));
    text(sha, e.subject());
    text(sha, e.clientId());
    text(sha, e.force());
    text(sha, e.issuer());
    list(sha, e.roles());
    text(sha, e.operation());
    text(sha, e.variablesJson());
    text(sha, e.purpose());
    list(sha, e.childIds());
    list(sha, e.personIds());
    text(sha, e.outcome());
    text(sha, e.detail());
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void text(MessageDigest sha, String value) {
    if (value == null) {
      ascii(sha, "-");
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    ascii(sha, "s" + bytes.length + ":");
    sha.update(bytes);
  }

  private static void list(MessageDigest sha, List<String> values) {
    ascii(sha, "l" + values.size() + ":");
    values.forEach(v -> text(sha, v));
  }

  private static void ascii(MessageDigest sha, String s) {
    sha.update(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }
}
