#pragma once
/// \file cli_commands.hpp
/// The commands and options of drsim as CLI11 definitions, and the checks that run before
/// CLI11 parses: an unknown command or option is named with the closest valid one.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/cli.hpp"

namespace drsim {

/// Declares every command and option on `app`, binding them to `o`.
void define_commands(CLI::App& app, CliOptions& o);

/// Every command's name, in help order.
std::vector<std::string> command_names(CLI::App& app);

/// The command named in args (the first word that is not an option or an option's value),
/// or "" when there is none.
std::string command_in(CLI::App& app, const std::vector<std::string>& args);

/// A message when args name an unknown command or option ("did you mean ...?"); nullopt when
/// every word is known (CLI11 then checks counts and values).
std::optional<std::string> unknown_word(CLI::App& app, const std::vector<std::string>& args);

}  // namespace drsim
