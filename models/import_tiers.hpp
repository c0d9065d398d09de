#pragma once
/// \file import_tiers.hpp
/// The planner's CSV of what the site's files cannot know: one row per system or guest (and
/// the rows `machine` and `dr-machine`), a header naming the columns, empty cells for "keep the
/// default". Values are checked here, in the scenario's own units.

#include <map>
#include <string>
#include <vector>

#include "models/import_source.hpp"

namespace drsim::import {

struct TiersRow {
  Pos pos;
  std::string name;  ///< upper case ("MACHINE", "DR-MACHINE" for the machines)
  std::map<std::string, std::string> cells;  ///< non-empty cells by column
  mutable bool used = false;
  const std::string* get(const std::string& column) const;
};

struct Tiers {
  std::vector<TiersRow> rows;
  const TiersRow* find(const std::string& name) const;
};

/// The columns understood, in the order `docs/import.md` lists them.
const std::vector<std::string>& tiers_columns();

Tiers parse_tiers(const SourceText& src, Messages& msgs);

}  // namespace drsim::import
