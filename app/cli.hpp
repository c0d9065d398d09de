#pragma once
/// \file cli.hpp
/// The command line as a function: argv -> CliOptions -> one command. Tests call
/// run_cli() with an argument vector and capture both streams.

#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace drsim {

/// drsim import's input files (docs/import.md).
struct ImportOptions {
  std::string directory, system_config, iocp, out;
  std::optional<std::string> autolog, dr_iocp, dr_system_config, tiers;
};

/// Every option of every command (app/cli_commands.cpp registers them; `import`'s are in
/// cmd_import.cpp).
struct CliOptions {
  /// run | validate | check | compare | report | explain | sweep | import | schema | params |
  /// new | help | version
  std::string command;
  std::string topic;                    ///< help COMMAND
  std::vector<std::string> files;       ///< positional files
  std::vector<std::string> sets;        ///< --set /pointer=VALUE
  std::optional<std::string> out_dir;   ///< run/sweep --out
  std::optional<std::string> html;      ///< report --html
  std::optional<std::string> junit;     ///< compare --junit
  std::optional<std::string> markdown;  ///< compare --markdown
  std::optional<std::string> against;   ///< check --against LAST.json
  std::vector<std::string> tolerances;  ///< compare --tolerance 5% | 30min | metric=5%
  std::vector<std::string> vary;        ///< sweep --vary /pointer=v1,v2
  std::vector<std::string> options;     ///< sweep --option NAME=PATCH.json
  std::optional<std::string> shard;     ///< sweep --shard K/N
  std::vector<std::string> merge;       ///< sweep --merge DIR...
  std::string format = "text";      ///< check/explain --format text|json, params text|json|markdown
  std::string color_mode = "auto";  ///< --color auto|always|never
  std::string fail_on;              ///< run --fail-on rto-missed|error|warning
  std::string from = "year3";       ///< new --from TEMPLATE
  unsigned long long seed = 1;      ///< run/sweep --seed
  int replications = 1;             ///< run/sweep --replications N (Monte Carlo)
  std::optional<unsigned long long> replication;  ///< run --replication K: replay one alone
  int jobs = 1;                                   ///< run/sweep --jobs: simulations at once
  bool quiet = false;                             ///< run/sweep/import --quiet
  bool pretty = false;   ///< run --pretty: result.json indented for people (default compact)
  bool color = false;    ///< ANSI colours: --color, else stdout is a terminal and NO_COLOR is unset
  ImportOptions import;  ///< import's files
};

/// Parses argv and runs the command; returns the process exit code (0, 1, 2; 130 or 143 for a
/// Monte Carlo run stopped by SIGINT or SIGTERM).
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// One function per command, each in its own cmd_*.cpp.
int cmd_run(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_validate(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_check(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_compare(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_sweep(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_report(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_explain(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_schema(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_params(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_new(const CliOptions& o, std::ostream& out, std::ostream& err);
int cmd_import(const CliOptions& o, std::ostream& out, std::ostream& err);
/// Registers `import` and its options (cmd_import.cpp).
void add_import_command(CLI::App& app, CliOptions& o);

/// Whether to colour: `mode` always/never decide; auto colours a terminal unless NO_COLOR is
/// set to a non-empty value (https://no-color.org).
bool use_color(const std::string& mode, bool stdout_is_terminal, const char* no_color_env);

/// run --fail-on LEVEL: why the result document is at least that bad (rto-missed < error <
/// warning: the RTO missed, then any error finding, then any warning finding), or "".
std::string fail_on_reason(const nlohmann::json& doc, const std::string& level);

/// `drsim --version`: drsim, the SimGrid it was built with, the scenario schema version.
std::string version_text();

}  // namespace drsim
