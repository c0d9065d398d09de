// The reports' escaping kit (reports/escape.hpp): one function per target format.
#include "reports/escape.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace drsim::reports;

TEST_CASE("HTML escaping turns markup into text", "[escape]") {
  CHECK(escape_html("<b a=\"x\">'&'</b>") == "&lt;b a=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;");
  CHECK(escape_html("LNXP01 \xC3\xA9") == "LNXP01 \xC3\xA9");
}

TEST_CASE("JSON in HTML cannot close its script block", "[escape]") {
  CHECK(escape_json_in_html("</script><!--") == "\"\\u003c/script\\u003e\\u003c!--\"");
  CHECK(escape_json_in_html(std::string("a\0b", 3)) == "\"a\\u0000b\"");
}

TEST_CASE("XML 1.0: characters XML forbids become U+FFFD (issue 15, defect 6)", "[escape]") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(escape_xml("LNX\xEF\xBF\xBE") == "LNX" + fffd);  // U+FFFE
  CHECK(escape_xml("LNX\xEF\xBF\xBF") == "LNX" + fffd);  // U+FFFF
  CHECK(escape_xml(std::string("a\0b\x1b"
                               "c",
                               5)) == "a" + fffd + "b" + fffd + "c");
  CHECK(escape_xml("\xED\xA0\x80") == fffd + fffd + fffd);  // a surrogate is not UTF-8
  CHECK(escape_xml("\xC3") == fffd);                        // truncated
  CHECK(escape_xml("\xC0\xBC") == fffd + fffd);             // overlong '<'
  CHECK(escape_xml("\xF0\x9F\x98\x80 \xEE\x80\x80") == "\xF0\x9F\x98\x80 \xEE\x80\x80");
  CHECK(escape_xml("<a & \"b\" 'c'>") == "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;");
  CHECK(escape_xml("x\ny\tz\r") == "x&#10;y&#9;z&#13;");
  CHECK(escape_xml("x\ny", XmlPlace::content) == "x\ny");
}

TEST_CASE("Markdown: a name never becomes an image, a link or a table break", "[escape]") {
  CHECK(escape_markdown("![p](http://x)") == "\\!\\[p\\]\\(http://x\\)");
  CHECK(escape_markdown("a|b\nc") == "a\\|b c");
  CHECK(escape_markdown("<img src=x>") == "&lt;img src=x&gt;");
  CHECK(escape_markdown("*em* _u_ `code` # ~s~") == "\\*em\\* \\_u\\_ \\`code\\` \\# \\~s\\~");
  CHECK(escape_markdown("LNXP01 3h10m, Mon 13:30") == "LNXP01 3h10m, Mon 13:30");
}

TEST_CASE("terminal text loses its control characters", "[escape]") {
  CHECK(escape_terminal("\x1b[2J\x1b]0;pwned\x07LNX") == "[2J]0;pwnedLNX");
  CHECK(escape_terminal("a\nb\tc\rd") == "a b c d");
  CHECK(escape_terminal("x\xC2\x9B"
                        "31mY\x7F") == "x31mY");  // C1 CSI, DEL
  CHECK(escape_terminal("caf\xC3\xA9 \xE2\x80\x94 ok") == "caf\xC3\xA9 \xE2\x80\x94 ok");
}
