#include "models/validate_util.hpp"

#include <algorithm>
#include <utility>

namespace drsim {

void NameIndex::add(const std::string& name, const std::string& pointer, Diagnostics& d,
                    const char* what) {
  if (name.empty()) return;
  auto it = first_.find(name);
  if (it != first_.end()) {
    d.add(pointer,
          std::string("duplicate ") + what + " name \"" + name + "\" (first defined at " +
              it->second + ")",
          "a unique name");
    return;
  }
  first_.emplace(name, pointer);
  index_.emplace(name, static_cast<int>(names_.size()));
  names_.push_back(name);
}

int NameIndex::index_of(const std::string& name) const {
  auto it = index_.find(name);
  return it == index_.end() ? -1 : it->second;
}

bool check_ref(const std::string& name, const std::vector<std::string>& valid,
               const std::string& pointer, Diagnostics& d, const std::string& what) {
  if (std::find(valid.begin(), valid.end(), name) != valid.end()) return true;
  d.add(pointer, "\"" + name + "\" is not " + what, name_list(valid));
  return false;
}

std::vector<std::vector<size_t>> find_cycles(const std::vector<std::vector<size_t>>& edges) {
  enum Color { White, Grey, Black };
  std::vector<Color> color(edges.size(), White);
  std::vector<std::vector<size_t>> cycles;
  for (size_t root = 0; root < edges.size(); ++root) {
    if (color[root] != White) continue;
    std::vector<std::pair<size_t, size_t>> stack{{root, 0}};
    color[root] = Grey;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (next == edges[node].size()) {
        color[node] = Black;
        stack.pop_back();
        continue;
      }
      size_t succ = edges[node][next++];
      if (color[succ] == White) {
        color[succ] = Grey;
        stack.emplace_back(succ, 0);
      } else if (color[succ] == Grey) {
        std::vector<size_t> cycle;
        auto from = std::find_if(stack.begin(), stack.end(),
                                 [&](const auto& e) { return e.first == succ; });
        for (auto it = from; it != stack.end(); ++it) cycle.push_back(it->first);
        cycle.push_back(succ);
        cycles.push_back(std::move(cycle));
      }
    }
  }
  return cycles;
}

}  // namespace drsim
