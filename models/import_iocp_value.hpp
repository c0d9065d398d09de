#pragma once
/// \file import_iocp_value.hpp
/// The operand values of IOCP statements: KEYWORD=value where a value is a name, a number or a
/// parenthesised list of values, and CSS(n) marks a channel subsystem (IOCP User's Guide,
/// "Coding IOCP statements").

#include <optional>
#include <string>
#include <vector>

namespace drsim::import {

struct IocpValue {
  std::string atom;  ///< "F0", "CSS", "IQD", "=" ("" for a bare list)
  bool list = false;
  std::vector<IocpValue> items;  ///< the parenthesised part ("CSS(0)" -> atom CSS, items [0])
};

struct IocpOperand {
  std::string keyword;  ///< upper case; "" for a positional operand (SHARED, REC)
  IocpValue value;
};

/// Splits the operand field; nullopt when parentheses or quotes do not balance.
std::optional<std::vector<IocpOperand>> parse_operands(const std::string& field);

/// Atoms of a value, depth first, CSS(n) markers as "CSS(n)".
std::vector<std::string> flatten(const IocpValue& v);

}  // namespace drsim::import
