#include "traffic/CollectiveInstance.h"

#include <algorithm>

namespace ofe::traffic {

CollectiveSpan spanOf(const CollectiveInstance& instance, const std::vector<Duration>& starts,
                      const std::vector<Duration>& finishes) {
  CollectiveSpan span;
  if (instance.transferCount() == 0) return span;
  span.start = starts.at(instance.first);
  span.finish = finishes.at(instance.first);
  for (TransferId id = instance.first; id <= instance.last; ++id) {
    span.start = std::min(span.start, starts.at(id));
    span.finish = std::max(span.finish, finishes.at(id));
  }
  return span;
}

}  // namespace ofe::traffic
