// Names of phases and statuses, from their one table each (see lane_vocabulary.hpp).
#include "models/lane_vocabulary.hpp"

namespace drsim {
namespace {

template <class E, size_t N>
std::string_view name_in(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table)
    if (e == value) return name;
  return "?";
}

}  // namespace

std::string_view to_string(Phase p) {
  return name_in(kPhaseNames, p);
}

std::string_view to_string(Status s) {
  return name_in(kStatusNames, s);
}

}  // namespace drsim
