#pragma once
/// \file escape.hpp
/// The one escaping kit of the reports: every text that comes from a result or a scenario
/// (names, notes, messages, file names) goes through the function for the format it lands in.
/// Each is total: any byte string in, safe text out (invalid UTF-8 included).

#include <string>
#include <string_view>

namespace drsim::reports {

/// HTML element content and attribute values: & < > " ' as entities.
std::string escape_html(std::string_view text);

/// A JSON string literal (with its quotes) that is also safe inside an HTML <script> block:
/// control characters, <, > and & as \u escapes, so no "</script>" can appear in it.
std::string escape_json_in_html(std::string_view text);

/// Where an XML text goes: an attribute value keeps line breaks as character references.
enum class XmlPlace { content, attribute };

/// XML 1.0 text: & < > " ' as entities; every character XML 1.0 forbids (controls other than
/// tab/LF/CR, surrogates, U+FFFE, U+FFFF) and every byte that is not UTF-8 becomes U+FFFD.
std::string escape_xml(std::string_view text, XmlPlace place = XmlPlace::attribute);

/// Inline Markdown (a table cell or a list item): the characters that start links, images,
/// emphasis, code, tables or headings are backslash-escaped, HTML's < > & become entities and
/// line breaks become spaces, so a name is shown as written and never becomes markup.
std::string escape_markdown(std::string_view text);

/// Text for a terminal: control characters (C0 including ESC, DEL, C1) are removed and line
/// breaks and tabs become spaces, so a name cannot move the cursor, recolour or forge lines.
std::string escape_terminal(std::string_view text);

}  // namespace drsim::reports
