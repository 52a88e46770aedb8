package vn.hoinghi.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Role sets are kept as unmodifiable EnumSets: ordered by declaration, so equal sets also print the same. */
final class Roles {

  private Roles() {}

  static Set<Role> copy(Collection<Role> roles) {
    EnumSet<Role> set = EnumSet.noneOf(Role.class);
    if (roles != null) {
      set.addAll(roles);
    }
    return Collections.unmodifiableSet(set);
  }
}
