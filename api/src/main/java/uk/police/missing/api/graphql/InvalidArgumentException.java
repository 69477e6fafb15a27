package uk.police.missing.api.graphql;

/** An argument outside what a query accepts; the message says what is allowed. */
public class InvalidArgumentException extends RuntimeException {
  public InvalidArgumentException(String message) {
    super(message);
  }
}
