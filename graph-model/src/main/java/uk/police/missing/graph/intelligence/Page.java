package uk.police.missing.graph.intelligence;

import java.util.List;

/**
 * One page of a list that is worked out whole each time it is asked (a ranking, a count by
 * child): the items from {@code offset}, and how many there are in all.
 */
public record Page<T>(List<T> items, int offset, long totalCount) {

  /** Whether items follow this page. */
  public boolean hasNext() {
    return offset + items.size() < totalCount;
  }
}
