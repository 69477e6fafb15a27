package uk.police.missing.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import uk.police.missing.graph.intelligence.Page;

/**
 * A page of a list in the shape every connection of the schema has (edges with cursors, page
 * info, total count). Lists that are worked out whole each time (rankings, counts by child) page
 * by position: the cursor is the item's position, opaque to the client.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

  /** One item with its cursor. */
  public record Edge<T>(String cursor, T node) {}

  /** Whether more follow, and the cursor to continue from. */
  public record PageInfo(boolean hasNextPage, String endCursor) {}

  private static final String PREFIX = "at:";

  /** The connection of a page whose items are at positions from {@code page.offset()}. */
  public static <T> Connection<T> of(Page<T> page) {
    return of(page, Function.identity());
  }

  /** The same, each item turned into what the schema shows. */
  public static <S, T> Connection<T> of(Page<S> page, Function<S, T> node) {
    List<Edge<T>> edges = new ArrayList<>();
    for (int i = 0; i < page.items().size(); i++) {
      edges.add(new Edge<>(cursor(page.offset() + i), node.apply(page.items().get(i))));
    }
    String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
    return new Connection<>(edges, new PageInfo(page.hasNext(), end), page.totalCount());
  }

  /** The position after the cursor, 0 without one; a cursor not given out here is an error. */
  public static int offset(String after) {
    if (after == null) {
      return 0;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
      if (!raw.startsWith(PREFIX)) {
        throw new IllegalArgumentException();
      }
      int at = Integer.parseInt(raw.substring(PREFIX.length()));
      if (at < 0 || at == Integer.MAX_VALUE) {
        throw new IllegalArgumentException();
      }
      return at + 1;
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException("after: not a cursor this service gave out for this list");
    }
  }

  private static String cursor(int position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
  }
}
