package uk.police.missing.api.security;

/** A caller asked for a field its role or permissions do not allow. */
public final class AccessRefusedException extends RuntimeException {

  public AccessRefusedException(String message) {
    super(message);
  }
}
