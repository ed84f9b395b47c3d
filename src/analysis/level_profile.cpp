#include "rnncc/analysis/level_profile.hpp"

#include <algorithm>

namespace rnncc::analysis {

std::uint64_t LevelProfile::max_width() const {
  return width.empty() ? 0 : *std::max_element(width.begin(), width.end());
}

std::uint64_t LevelProfile::brent_time(std::uint64_t processors) const {
  std::uint64_t time = 0;
  for (std::uint64_t w : width)
    time += (w + processors - 1) / processors;
  return time;
}

LevelProfile level_profile(const logic::Aig& aig) {
  LevelProfile profile;
  for (logic::NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (!aig.is_and(node)) continue;
    std::uint32_t level = aig.level(node);
    if (level >= profile.width.size()) profile.width.resize(std::size_t{level} + 1, 0);
    ++profile.width[level];
  }
  return profile;
}

}  // namespace rnncc::analysis
