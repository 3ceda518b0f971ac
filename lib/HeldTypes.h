//===- HeldTypes.h - the classes a container's elements hold --------------===//
//
// Design note. A container holds its element types (for a map, the key and
// the mapped type: every type template argument of the container's class
// template specialization, found on a user subclass's base too). Each of
// them holds, in turn, what an owning wrapper holds (std::shared_ptr,
// std::unique_ptr, std::optional, std::pair, std::tuple, and nested
// containers), and the fields of a user struct, one level deep. findHeld()
// searches that tree for a class the caller's predicate accepts.
//
// Simplifications, on purpose:
// - Raw pointers and std::weak_ptr are not followed: they do not keep what
//   they point to alive.
// - Only one level of struct fields is searched (through wrappers within a
//   field, but not into the fields of a field's type), and bases of a struct
//   are not: deeper ownership is too weak a signal.
// - Comparators, hashers and allocators are searched like elements; none of
//   the standard ones holds anything.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_HELDTYPES_H
#define CONTAINERS_TIDY_LIB_HELDTYPES_H

#include "lib/ContainerModel.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class CXXRecordDecl;
namespace tidy::containers {

/// The first class held by the elements of container type \p Container for
/// which \p Accept is true, or null.
const CXXRecordDecl *
findHeld(QualType Container, const ContainerModel &Model,
         llvm::function_ref<bool(const CXXRecordDecl *)> Accept);

} // namespace tidy::containers
} // namespace clang

#endif // CONTAINERS_TIDY_LIB_HELDTYPES_H
