#pragma once
/// \file validate_util.hpp
/// Small helpers of the semantic checks: name indexes, reference checks, cycle search.

#include <map>
#include <string>
#include <vector>

#include "models/json_reader.hpp"

namespace drsim {

/// Names of one kind of entity, in document order, with their pointers.
class NameIndex {
 public:
  /// Adds a name; a second entity of the same name is reported at `pointer`.
  void add(const std::string& name, const std::string& pointer, Diagnostics& d, const char* what);
  bool contains(const std::string& name) const { return first_.contains(name); }
  const std::vector<std::string>& names() const { return names_; }
  /// Index in document order, or -1.
  int index_of(const std::string& name) const;

 private:
  std::map<std::string, std::string> first_;  ///< name -> pointer of its first definition
  std::map<std::string, int> index_;
  std::vector<std::string> names_;
};

/// Reports `name` at `pointer` unless it is in `valid`; `what` names the kind ("a z/VM system").
bool check_ref(const std::string& name, const std::vector<std::string>& valid,
               const std::string& pointer, Diagnostics& d, const std::string& what);

/// Every cycle in a directed graph (edges[i] = successors of node i), each as a list of node
/// indices in order (first node repeated at the end). Iterative: safe on long chains.
std::vector<std::vector<size_t>> find_cycles(const std::vector<std::vector<size_t>>& edges);

}  // namespace drsim
