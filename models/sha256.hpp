#pragma once
/// \file sha256.hpp
/// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex. Identifies the scenario file a
/// result came from.

#include <string>
#include <string_view>

namespace drsim {

/// The SHA-256 digest of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace drsim
