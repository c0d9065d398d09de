#pragma once
/// \file import_autolog.hpp
/// The AUTOLOG1 PROFILE EXEC (REXX): the guests it logs on with XAUTOLOG, in order, and the
/// CP SLEEP delays between them (z/VM CP Commands and Utilities Reference, "XAUTOLOG" and
/// "SLEEP"; REXX/VM Reference for comments, clauses and continuation). Only commands that are
/// plain strings at the exec's top level are understood; a command inside DO/IF/SELECT or
/// built from variables is reported, not guessed.

#include <string>
#include <vector>

#include "models/import_source.hpp"

namespace drsim::import {

struct AutologEntry {
  Pos pos;
  std::string userid;
  double delay_before_s = 0;  ///< CP SLEEP seconds since the previous XAUTOLOG
};

struct AutologPlan {
  std::vector<AutologEntry> entries;
  std::vector<std::pair<Pos, std::string>> other;  ///< clauses read but not used, with why
};

AutologPlan parse_autolog(const SourceText& src, Messages& msgs);

}  // namespace drsim::import
