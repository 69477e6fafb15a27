package uk.police.missing.api.graphql;

/**
 * An id or reference that names nothing the service holds. The message names the argument and,
 * at most, the force code the caller gave: never the value itself, nor anything about a child.
 */
public class NotFoundException extends RuntimeException {

  private final String argument;

  /**
   * @param argument the argument's name, e.g. {@code id}
   * @param what what was not found, e.g. "no child has this id"
   */
  public NotFoundException(String argument, String what) {
    super(argument + ": " + what);
    this.argument = argument;
  }

  /** The name of the argument that named nothing. */
  public String argument() {
    return argument;
  }
}
