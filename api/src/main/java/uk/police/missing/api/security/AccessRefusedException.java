package uk.police.missing.api.security;

/**
 * A caller asked for a field its role or permissions do not allow, or asked without a purpose.
 * It carries what a client needs to act on the refusal without parsing the message: the field
 * ({@code Type.field}), the path pattern it was refused at (list indexes as {@code *}) and what
 * the field needs.
 */
public final class AccessRefusedException extends RuntimeException {

  private final String field;
  private final String pathPattern;
  private final String required;

  public AccessRefusedException(String message, String field, String pathPattern, String required) {
    super(message);
    this.field = field;
    this.pathPattern = pathPattern;
    this.required = required;
  }

  /** The refused field as {@code Type.field}. */
  public String field() {
    return field;
  }

  /** The path the field was reached by, with list indexes as {@code *}. */
  public String pathPattern() {
    return pathPattern;
  }

  /** What the field needs, in words: roles and permissions, or a stated purpose. */
  public String required() {
    return required;
  }
}
