#include "rnncc/experiment/construction.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>

#include "constructions/construction_support.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::experiment {

namespace constructions {

io::TensorText zeros(std::vector<std::size_t> shape) {
  std::size_t count = 1;
  for (std::size_t extent : shape)
    count *= extent;
  return io::TensorText{std::move(shape), std::vector<mpq_class>(count, mpq_class(0))};
}

}  // namespace constructions

namespace {

using Factory = std::unique_ptr<Construction> (*)();

constexpr std::array<Factory, 10> factories{
    constructions::make_s5_construction,               // Thm 7, 8
    constructions::make_imm_dense_construction,        // Prop 3
    constructions::make_connectivity_construction,     // Lemma 2, 3
    constructions::make_counter_machine_construction,  // Lemma 3
    constructions::make_parity_construction,           // TC0: a negative eigenvalue
    constructions::make_transvection_construction,     // Lemma 10
    constructions::make_dwfa_construction,             // Thm 8
    constructions::make_wfa_rwkv7_construction,        // Thm 6
    constructions::make_imm_rwkv7_construction,        // Thm 5
    constructions::make_stack_machine_construction,    // Thm 1
};

}  // namespace

std::unique_ptr<Construction> make_construction(std::string_view name) {
  std::vector<std::string> names;
  for (Factory factory : factories) {
    std::unique_ptr<Construction> construction = factory();
    if (construction->name() == name) return construction;
    names.push_back(construction->name());
  }
  throw InputError(
      fmt::format("unknown construction '{}' (expected {})", name, fmt::join(names, ", ")));
}

std::vector<std::string> construction_descriptions() {
  std::vector<std::string> lines;
  for (Factory factory : factories) {
    const std::unique_ptr<Construction> construction = factory();
    lines.push_back(fmt::format("{:<16} {}", construction->name(), construction->summary()));
  }
  return lines;
}

std::string parameter_value(const Construction& construction, const ConstructionRequest& request,
                            std::string_view name) {
  const std::vector<ConstructionParameter> known = construction.parameters();
  for (const auto& [given, value] : request.parameters) {
    bool found = false;
    for (const ConstructionParameter& parameter : known)
      found = found || parameter.name == given;
    if (!found) {
      std::vector<std::string> names;
      for (const ConstructionParameter& parameter : known)
        names.push_back(parameter.name);
      throw InputError(
          fmt::format("construction {} has no parameter '{}' ({})", construction.name(), given,
                      names.empty() ? std::string("it takes none")
                                    : fmt::format("expected {}", fmt::join(names, ", "))));
    }
  }
  auto given = request.parameters.find(std::string(name));
  if (given != request.parameters.end()) return given->second;
  for (const ConstructionParameter& parameter : known)
    if (parameter.name == name) return parameter.default_value;
  return "";
}

}  // namespace rnncc::experiment
