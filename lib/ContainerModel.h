//===- ContainerModel.h - the standard's container rules as data -----------===//
//
// Design note. Every container rule the checks use is a row in one table
// (ContainerModel.cpp): for each container family and member function, what
// the call does to a range-for loop walking the container, and what it does to
// iterators and to references/pointers into it. Rows cite the clause they
// encode (C++20, N4861) or the library documentation for third-party maps.
//
// Types are recognised by their qualified name with inline namespaces removed
// (`std::__1`, `std::__cxx11`, `absl::lts_*`), through typedefs, aliases and
// cv-qualifiers, and through user classes derived from a known container.
// The option `containers.ExtraContainers` maps more names (regexes matched
// against the whole qualified name) onto a family.
//
// Simplifications, on purpose:
// - "at or after the erase point" (vector/deque erase) is modelled as "the
//   erased element" for handles, because a check cannot tell positions apart;
//   a handle is only reported when it provably names the erased element.
// - swap/operator= leave handles pointing into the other container; loops are
//   flagged for them, straight-line handles are not.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_CONTAINERMODEL_H
#define CONTAINERS_TIDY_LIB_CONTAINERMODEL_H

#include "clang/AST/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class NamedDecl;
class CXXRecordDecl;
namespace tidy::containers {

enum class ContainerFamily : unsigned char {
  Contiguous,           ///< vector, basic_string
  Deque,                ///< deque
  NodeList,             ///< list, forward_list
  OrderedAssociative,   ///< map, set, multimap, multiset
  UnorderedAssociative, ///< unordered_* (node-based)
  OpenAddressing,       ///< flat_hash_map, DenseMap, F14, robin_map, ...
};

/// What an operation does to handles (iterators, or references and pointers)
/// into the container.
enum class HandleEffect : unsigned char {
  None,   ///< all stay valid
  Erased, ///< those naming the erased element(s) become invalid
  All,    ///< all become invalid
};

/// What an operation does to a range-based for loop walking the container.
enum class LoopEffect : unsigned char {
  Safe,           ///< the loop's iterators stay valid
  VisitedElement, ///< invalid if the operation erases the visited element
  Always,         ///< the loop's iterators (current or end) become invalid
};

struct OperationRule {
  llvm::StringLiteral Name; ///< member name, "operator[]", or free "std::erase_if"
  LoopEffect Loop;
  HandleEffect Iterators;
  HandleEffect References;
  /// Growth that a preceding reserve() makes non-reallocating.
  bool GrowsStorage;
  const char *Source; ///< the clause or documentation the row encodes
};

class ContainerModel {
public:
  /// Parses `containers.ExtraContainers`: `regex=family;...`. On error returns
  /// false and sets \p Error to a message naming the bad entry.
  bool addExtraContainers(llvm::StringRef Spec, std::string &Error);

  /// The family of a container type (through sugar, cv, inheritance), or
  /// nothing. References and pointers are not looked through.
  std::optional<ContainerFamily> classify(QualType T) const;

  /// The rule for calling \p Operation on a container of \p Family, or null
  /// when the operation does not modify the container.
  static const OperationRule *rule(ContainerFamily Family,
                                   llvm::StringRef Operation);
  static llvm::ArrayRef<OperationRule> rules(ContainerFamily Family);

  /// Does \p Operation change the contents of a container of \p Family:
  /// every operation with a rule, and the insertions that invalidate nothing
  /// (`std::map::insert`, `std::list::push_back`, map `operator[]`), which
  /// have no rule because no handle cares about them.
  static bool modifiesContents(ContainerFamily Family,
                               llvm::StringRef Operation);

  static llvm::StringRef familyName(ContainerFamily Family);
  static std::optional<ContainerFamily> parseFamily(llvm::StringRef Name);

  /// `std::vector` for `std::__1::vector<int>`: the name the table uses.
  static std::string qualifiedName(const NamedDecl *D);

private:
  std::optional<ContainerFamily> classifyRecord(const CXXRecordDecl *RD,
                                                unsigned Depth) const;
  struct ExtraContainer {
    std::string Pattern;
    ContainerFamily Family;
  };
  std::vector<ExtraContainer> Extra;
  std::vector<llvm::Regex> ExtraRegexes;
  mutable llvm::DenseMap<const Type *, std::optional<ContainerFamily>> Cache;
};

} // namespace tidy::containers
} // namespace clang

#endif // CONTAINERS_TIDY_LIB_CONTAINERMODEL_H
