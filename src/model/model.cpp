#include "rnncc/model/model.hpp"

#include <bit>
#include <stdexcept>

#include "rnncc/model/registry.hpp"

namespace rnncc::model {

std::size_t InputSpec::token_bits() const {
  if (!is_tokens() || alphabet.size() <= 1) return 0;
  return static_cast<std::size_t>(std::bit_width(alphabet.size() - 1));
}

const Feature& Model::feature(std::string_view name) const {
  for (const auto& [candidate, feature] : features)
    if (candidate == name) return feature;
  throw std::logic_error("model has no feature named " + std::string(name));
}

std::size_t Model::state_value_count() const {
  return visit_family(*family, [&]<class Family>() { return Family::state_value_count(*this); });
}

std::size_t Model::readout_source_size() const {
  return visit_family(*family, [&]<class Family>() { return Family::readout_size(*this); });
}

std::size_t Model::head_output_size() const {
  return family->linear ? state_columns : state_size;
}

}  // namespace rnncc::model
