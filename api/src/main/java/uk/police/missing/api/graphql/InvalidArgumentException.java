package uk.police.missing.api.graphql;

/** An argument outside what a query accepts; the message says what is allowed. */
public class InvalidArgumentException extends RuntimeException {

  private final String argument;

  public InvalidArgumentException(String message) {
    this(null, message);
  }

  /**
   * @param argument the name of the argument at fault, given to the client in the error's
   *     extensions; null when the fault lies in several together
   */
  public InvalidArgumentException(String argument, String message) {
    super(message);
    this.argument = argument;
  }

  /** The name of the argument at fault, or null. */
  public String argument() {
    return argument;
  }
}
