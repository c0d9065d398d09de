#pragma once
/// \file import_source.hpp
/// What every reader of `drsim import` shares: a source position (FILE:LINE), the messages a
/// reader gives (an error, a cross-file warning, a statement read but not used), and the small
/// lexical helpers of the IBM formats (hex device numbers, z/VM storage sizes, upper case).
/// Pure functions: the command reads the files, these see only their text.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drsim::import {

/// One input file as text; `path` is what messages show.
struct SourceText {
  std::string path;
  std::string text;
};

/// Where a statement starts.
struct Pos {
  std::string file;
  int line = 0;  ///< 1-based; 0 = the file as a whole
  std::string to_string() const;
};

enum class MessageKind { Error, Warning, NotUsed };

/// `FILE:LINE: what; expected ...` (error), `FILE:LINE: warning: what (OTHER)` (warning with the
/// other file's position), `FILE:LINE: not used: what` (read, lands nowhere in the scenario).
struct Message {
  MessageKind kind = MessageKind::Error;
  Pos pos;
  std::string text;
  std::string expected;      ///< errors: what the manual's syntax wants
  std::optional<Pos> other;  ///< warnings across files: the other statement's position
  std::string to_string() const;
};

class Messages {
 public:
  void error(const Pos& p, std::string what, std::string expected);
  void warning(const Pos& p, std::string what, std::optional<Pos> other = std::nullopt);
  void not_used(const Pos& p, std::string what);
  bool has_errors() const;
  const std::vector<Message>& items() const { return items_; }
  /// Errors first, then by file order of appearance (stable), for a reproducible listing.
  std::vector<Message> sorted() const;

 private:
  std::vector<Message> items_;
};

/// Upper-cased copy (the IBM formats are case-insensitive).
std::string upper(std::string_view s);
/// Blank-separated words.
std::vector<std::string> words(std::string_view s);
/// `text` starts with `full`'s first `min` letters or more of it ("CONTR" for CONTROLLER, min 5).
bool abbrev(std::string_view text, std::string_view full, size_t min);

/// 1..`max_digits` hex digits, or nothing.
std::optional<unsigned> parse_hex(std::string_view s, size_t max_digits = 4);
/// "7000", 4 upper-case hex digits.
std::string hex4(unsigned v);
/// "F0", 2 upper-case hex digits.
std::string hex2(unsigned v);

/// A z/VM storage size ("1G", "768M", "64M", "512K"; CP Planning and Administration, USER
/// directory statement: a number and a unit K, M, G, T, P or E, binary multiples).
struct StorageSize {
  double bytes = 0;
  std::string scenario;  ///< the same size in the scenario's units: "1GiB", "768MiB"
};
std::optional<StorageSize> parse_storage(std::string_view s);

/// Lines of a text, without their end-of-line characters (CR LF or LF).
std::vector<std::string> split_lines(const std::string& text);

/// A statement of a z/VM file: where it starts and its words, separated by one blank.
struct Statement {
  Pos pos;
  std::string text;
};

/// Statements of `lines` (line i is line i+1 of `file`): blank lines dropped, a statement that
/// ends with a comma continued on the next line (USER DIRECT and SYSTEM CONFIG both continue
/// that way: CP Planning and Administration). A comma at the end of the file is an error;
/// `unit` names a line in that message ("continuation line", "continuation record").
std::vector<Statement> join_continuations(const std::vector<std::string>& lines,
                                          const std::string& file, Messages& msgs,
                                          const std::string& unit);

}  // namespace drsim::import
