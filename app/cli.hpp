#pragma once
/// \file cli.hpp
/// The command line as a function: argv -> CliOptions -> one command. Tests call
/// run_cli() with an argument vector and capture both streams.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace drsim {

struct CliOptions {
  std::string command;             ///< run | validate | check | compare | sweep | report | schema
  std::vector<std::string> files;  ///< positional files
  std::vector<std::string> sets;   ///< --set /pointer=VALUE
  std::optional<std::string> out_dir;   ///< run/sweep --out
  std::optional<std::string> html;      ///< report --html
  std::optional<std::string> junit;     ///< compare --junit
  std::optional<std::string> markdown;  ///< compare --markdown
  std::optional<std::string> against;   ///< check --against LAST.json
  std::vector<std::string> tolerances;  ///< compare --tolerance 5% | 30min | metric=5%
  std::vector<std::string> vary;        ///< sweep --vary /pointer=v1,v2
  std::string format = "text";          ///< check --format text|json
  unsigned long long seed = 1;
  int replications = 1;
  std::optional<unsigned long long> replication;  ///< run --replication K: replay one alone
  int jobs = 1;
  bool quiet = false;
  bool color = false;  ///< set when stdout is a terminal
};

/// Parses argv and runs the command; returns the process exit code (0, 1, 2).
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// One function per command, each in its own cmd_*.cpp.
int cmd_run(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_validate(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_check(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_compare(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_report(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_schema(const CliOptions& o, std::ostream& out, std::ostream& err);

}  // namespace drsim
