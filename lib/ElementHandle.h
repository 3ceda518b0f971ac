//===- ElementHandle.h - variables that point into a container element ----===//
//
// Design note. An element handle is a local variable that refers into a
// container: an iterator (`auto it = m.find(k)`, `v.begin()`), a reference
// (`auto &s = m[k]`, `v.front()`, `*it`, `m.find(k)->second`) or a pointer
// (`&v[i]`, `v.data()`, `&*it`). The handle remembers which element it names
// when that is knowable from the code: the key or index expression, the
// front, the back, or another iterator variable. That is what lets a check say
// "erase(k) erased the element 'it' points to" without guessing: a handle
// whose element is unknown is never reported for an operation that only
// invalidates the erased element.
//
// Only the variable's initialiser is read; a handle that is re-assigned later
// is tracked by FunctionFlow's kill rules, not re-bound here (FIXME: follow
// `it = c.find(k)` re-binding).
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_ELEMENTHANDLE_H
#define CONTAINERS_TIDY_LIB_ELEMENTHANDLE_H

#include "lib/ContainerAccess.h"
#include "clang/AST/Decl.h"

namespace clang::tidy::containers {

enum class HandleKind : unsigned char { Iterator, Reference, Pointer };

struct ElementHandle {
  enum class Position : unsigned char { Unknown, Key, Front, Back };

  const VarDecl *Var = nullptr;
  HandleKind Kind = HandleKind::Reference;
  ContainerRef Container;
  ContainerFamily Family = ContainerFamily::Contiguous;
  const Expr *Source = nullptr; ///< the call on the container it came from
  Position Pos = Position::Unknown;
  const Expr *Key = nullptr; ///< with Position::Key: key, index or iterator

  /// The handle \p Var is, if its initialiser points into a container.
  static std::optional<ElementHandle> fromVar(const VarDecl *Var,
                                              const ContainerModel &Model);

  /// Does \p Op erase the element this handle names?
  bool isErasedBy(const ContainerOperation &Op) const;

  /// Is this handle invalidated by \p Op, per the ContainerModel rule?
  bool isInvalidatedBy(const ContainerOperation &Op) const;

  llvm::StringRef kindName() const;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_ELEMENTHANDLE_H
