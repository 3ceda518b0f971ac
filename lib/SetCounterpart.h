//===- SetCounterpart.h - the set a unique-key map would be ---------------===//
//
// Design note. For the unique-key maps of the container table, the set with
// the same lookup, insertion and erasure interface over the keys alone
// (`std::map` -> `std::set`, `absl::flat_hash_map` -> `absl::flat_hash_set`).
// The rows live with the rest of the table in ContainerModel.cpp.
//
// Only direct specializations (through typedefs and aliases) are recognised,
// not user subclasses, which may add members a set does not have; multimaps
// have no counterpart here (a multiset counts, a multimap to bool does not).
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_SETCOUNTERPART_H
#define CONTAINERS_TIDY_LIB_SETCOUNTERPART_H

#include "clang/AST/Type.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace clang::tidy::containers {

struct MapAsSet {
  llvm::StringRef SetName; ///< `std::set`
  QualType Key;            ///< as written when the sugar shows it
  QualType Mapped;
};

/// The set counterpart of \p T when \p T is a specialization of a known
/// unique-key map, with its key and mapped types.
std::optional<MapAsSet> setCounterpart(QualType T);

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_SETCOUNTERPART_H
