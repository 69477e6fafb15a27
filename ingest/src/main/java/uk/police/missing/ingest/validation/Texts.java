package uk.police.missing.ingest.validation;

import java.math.BigDecimal;
import java.util.Comparator;
import tools.jackson.databind.JsonNode;

/** Small helpers to write reasons: bounded quoting of values, JSON Pointers, ordering. */
final class Texts {

  /** Longest piece of the sender's input a message quotes, in output characters. */
  static final int MAX_QUOTED = 60;

  /** Orders pointers segment by segment, array indices by number: /a/2 before /a/10. */
  static final Comparator<String> POINTER_ORDER = Texts::comparePointers;

  /** Orders reasons by pointer, then by message. */
  static final Comparator<Reason> REASON_ORDER =
      Comparator.comparing(Reason::pointer, POINTER_ORDER).thenComparing(Reason::message);

  private Texts() {}

  /**
   * At most {@link #MAX_QUOTED} characters of {@code text}, control characters written as
   * escapes, with "…" when cut.
   */
  static String clip(String text) {
    return clip(text, MAX_QUOTED);
  }

  /** At most {@code max} characters of {@code text}, as {@link #clip(String)}. */
  static String clip(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
    int i = 0;
    while (i < text.length()) {
      if (out.length() >= max) {
        return out.append('…').toString();
      }
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
            out.append(String.format("\\u%04x", cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    return out.toString();
  }

  /** {@code 'text'}, clipped. */
  static String quote(String text) {
    return "'" + clip(text) + "'";
  }

  /** A JSON value as a message shows it: strings quoted and clipped, containers by kind. */
  static String show(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isString()) {
      return quote(value.stringValue());
    }
    if (value.isNumber()) {
      // BigDecimal.toString keeps 1E+999999999 short; toPlainString would not
      return clip(value.numberValue().toString());
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "a list";
    }
    return clip(value.toString()); // true, false, null
  }

  /** A limit from the schema (a small number the project wrote), without trailing zeros. */
  static String limit(JsonNode schemaValue) {
    if (schemaValue != null && schemaValue.isNumber()) {
      BigDecimal exact = schemaValue.decimalValue();
      return exact.signum() == 0 ? "0" : exact.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(schemaValue);
  }

  /** One RFC 6901 reference token: '~' as "~0", '/' as "~1". */
  static String escapePointerToken(String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      return name;
    }
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** {@code pointer} extended by one field name. */
  static String child(String pointer, String name) {
    return pointer + "/" + escapePointerToken(name);
  }

  /** {@code pointer} extended by one array index. */
  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  private static int comparePointers(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    String[] x = a.split("/", -1);
    String[] y = b.split("/", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = compareTokens(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static int compareTokens(String a, String b) {
    if (isIndex(a) && isIndex(b)) {
      int c = Integer.compare(a.length(), b.length());
      return c != 0 ? c : a.compareTo(b);
    }
    return a.compareTo(b);
  }

  private static boolean isIndex(String token) {
    if (token.isEmpty() || (token.length() > 1 && token.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
