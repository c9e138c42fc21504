package vn.danvan.deployment;

import java.util.Optional;
import java.util.Set;

/**
 * Published (as a Spring application event) after a deployment was accepted or deleted on this node
 * and committed, for node-local caches of deployed models to drop what may be outdated at once.
 * Other nodes of a cluster do not receive it: their caches re-check by themselves.
 *
 * @param resourceNames the names of the deployed resources; empty for a deletion (which resources
 *     went is not known to the guard)
 */
public record DeploymentsChanged(Optional<Set<String>> resourceNames) {

  static DeploymentsChanged deployed(Set<String> names) {
    return new DeploymentsChanged(Optional.of(Set.copyOf(names)));
  }

  static DeploymentsChanged deleted() {
    return new DeploymentsChanged(Optional.empty());
  }

  /** Whether a resource whose name ends with {@code suffix} (e.g. {@code .dmn}) may have changed. */
  public boolean mayConcern(String suffix) {
    return resourceNames.map(names -> names.stream().anyMatch(n -> n.endsWith(suffix))).orElse(true);
  }
}
