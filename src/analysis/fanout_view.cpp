#include "rnncc/analysis/fanout_view.hpp"

#include <fmt/format.h>

#include "rnncc/common/error.hpp"

namespace rnncc::analysis {

FanoutView::FanoutView(const logic::Aig& aig) {
  build(aig, nullptr);
}

FanoutView::FanoutView(const logic::Aig& aig, const std::vector<bool>& included) {
  build(aig, &included);
}

void FanoutView::build(const logic::Aig& aig, const std::vector<bool>* included) {
  const logic::NodeIndex count = aig.node_count();
  if (std::uint64_t{aig.and_count()} * 2 > 0xffffffffULL) {
    throw LimitError(
        fmt::format("a fan-out view of {} ANDs would need {} edges; at most 2^32 - 1 are supported",
                    aig.and_count(), std::uint64_t{aig.and_count()} * 2));
  }
  auto is_reader = [&](logic::NodeIndex node) {
    return aig.is_and(node) && (included == nullptr || (*included)[node]);
  };
  begin_.assign(std::size_t{count} + 1, 0);
  for (logic::NodeIndex node = 1; node < count; ++node) {
    if (!is_reader(node)) continue;
    ++begin_[aig.fanin0(node).node() + 1];
    ++begin_[aig.fanin1(node).node() + 1];
  }
  for (std::size_t node = 0; node < count; ++node)
    begin_[node + 1] += begin_[node];
  readers_.resize(begin_[count]);
  std::vector<std::uint32_t> next(begin_.begin(), begin_.end() - 1);
  for (logic::NodeIndex node = 1; node < count; ++node) {
    if (!is_reader(node)) continue;
    readers_[next[aig.fanin0(node).node()]++] = node;
    readers_[next[aig.fanin1(node).node()]++] = node;
  }
}

}  // namespace rnncc::analysis
