#include "rnncc/model/registry.hpp"

#include <array>
#include <string>

namespace rnncc::model {

namespace {

template <class... Families>
constexpr std::array<const FamilyDescriptor*, sizeof...(Families)> descriptors_of(
    FamilyList<Families...>) {
  return {&Families::descriptor...};
}

constexpr auto descriptors = descriptors_of(AllFamilies{});

}  // namespace

std::span<const FamilyDescriptor* const> all_families() {
  return descriptors;
}

const FamilyDescriptor* find_family(std::string_view name) {
  for (const FamilyDescriptor* family : descriptors)
    if (family->name == name) return family;
  return nullptr;
}

std::string family_names() {
  std::string names;
  for (std::size_t i = 0; i < descriptors.size(); ++i) {
    if (i > 0) names += i + 1 == descriptors.size() ? " or " : ", ";
    names += descriptors[i]->name;
  }
  return names;
}

bool is_network(const FamilyDescriptor& family) {
  return &family == &Network::descriptor;
}

bool supports_scan(const Model& model) {
  if (!is_network(*model.family)) return model.family->linear;
  for (const Sublayer& sublayer : model.parameters_as<Network::Parameters>().sublayers)
    for (const Model& head : sublayer.heads)
      if (!head.family->linear) return false;
  return true;
}

}  // namespace rnncc::model
