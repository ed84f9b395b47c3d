// Definitions of the prefix-engine templates declared in prefix.hpp.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <utility>
#include <vector>

#include "rnncc/word/prefix.hpp"

namespace rnncc::word {

namespace prefix_detail {

/// Sklansky's divide-and-conquer network on the positions
/// offset, offset + stride, ..., offset + (count-1)·stride.
template <class Visit>
void sklansky_steps(std::size_t offset, std::size_t stride, std::size_t count, Visit& visit) {
  for (std::size_t half = 1; half < count; half *= 2) {
    for (std::size_t block = 0; block + half < count; block += 2 * half) {
      const std::size_t pivot = block + half - 1;
      for (std::size_t i = block + half; i < block + 2 * half && i < count; ++i) {
        visit(offset + i * stride, offset + pivot * stride);
      }
    }
  }
}

}  // namespace prefix_detail

template <class Visit>
void for_each_prefix_step(std::size_t n, PrefixArchitecture architecture, Visit visit) {
  switch (architecture) {
    case PrefixArchitecture::ripple:
      for (std::size_t i = 1; i < n; ++i)
        visit(i, i - 1);
      return;
    case PrefixArchitecture::sklansky:
      prefix_detail::sklansky_steps(0, 1, n, visit);
      return;
    case PrefixArchitecture::kogge_stone:
      // Descending i: items[i - distance] still holds the previous row's value.
      for (std::size_t distance = 1; distance < n; distance *= 2) {
        for (std::size_t i = n - 1; i >= distance; --i)
          visit(i, i - distance);
      }
      return;
    case PrefixArchitecture::brent_kung: {
      // Up-sweep: position i with i+1 a multiple of 2·distance takes the
      // range of the same size to its left.
      std::size_t top = 1;
      for (std::size_t distance = 1; 2 * distance <= n; distance *= 2) {
        for (std::size_t i = 2 * distance - 1; i < n; i += 2 * distance)
          visit(i, i - distance);
        top = 2 * distance;
      }
      // Down-sweep: position i with i+1 an odd multiple of `distance` (not
      // the first) takes the complete prefix ending just below its range.
      for (std::size_t distance = top; distance >= 1; distance /= 2) {
        for (std::size_t i = 3 * distance - 1; i < n; i += 2 * distance)
          visit(i, i - distance);
      }
      return;
    }
    case PrefixArchitecture::ladner_fischer:
      for (std::size_t i = 1; i < n; i += 2)
        visit(i, i - 1);
      prefix_detail::sklansky_steps(1, 2, n / 2, visit);
      for (std::size_t i = 2; i < n; i += 2)
        visit(i, i - 1);
      return;
  }
  throw std::invalid_argument("for_each_prefix_step: unknown prefix architecture");
}

template <class Element, class Combine>
std::vector<Element> inclusive_prefix(std::vector<Element> items, Combine combine,
                                      PrefixArchitecture architecture) {
  for_each_prefix_step(items.size(), architecture, [&](std::size_t target, std::size_t source) {
    items[target] = combine(items[target], items[source]);
  });
  return items;
}

template <class Element, class Combine>
Element prefix_last(std::vector<Element> items, Combine combine, PrefixArchitecture architecture) {
  if (items.empty()) throw std::invalid_argument("prefix_last: no items");
  std::vector<std::pair<std::size_t, std::size_t>> steps;
  for_each_prefix_step(items.size(), architecture, [&](std::size_t target, std::size_t source) {
    steps.emplace_back(target, source);
  });
  // Walk backwards keeping the steps whose result the last output needs:
  // needed[p] says whether the value position p holds at this point is used.
  std::vector<bool> needed(items.size(), false);
  needed.back() = true;
  std::vector<bool> kept(steps.size(), false);
  for (std::size_t s = steps.size(); s-- > 0;) {
    if (!needed[steps[s].first]) continue;
    kept[s] = true;
    needed[steps[s].second] = true;
  }
  for (std::size_t s = 0; s < steps.size(); ++s) {
    if (!kept[s]) continue;
    auto [target, source] = steps[s];
    items[target] = combine(items[target], items[source]);
  }
  return std::move(items.back());
}

template <class Element, class Combine>
Element balanced_reduce(std::vector<Element> items, Combine combine) {
  if (items.empty()) throw std::invalid_argument("balanced_reduce: no items");
  while (items.size() > 1) {
    std::vector<Element> next;
    next.reserve((items.size() + 1) / 2);
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
      next.push_back(combine(items[i + 1], items[i]));
    }
    if (items.size() % 2 == 1) next.push_back(std::move(items.back()));
    items = std::move(next);
  }
  return std::move(items.front());
}

}  // namespace rnncc::word
