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
// fromVar() is the classic set above. fromCapturedVar() and fromCapture()
// (for lambda captures) add, without changing fromVar():
// - views: a `std::string_view`, `std::span` (or another non-owning view type
//   of the list in ElementHandle.cpp) constructed from an element
//   (`std::string_view(names[i])`) or from a reference handle
//   (`auto &n = names[i]; std::string_view sv = n;`). A view of a whole
//   container (`std::span<int>(v)`) is not one: it views the container, not an
//   element, and is left to later work (FIXME);
// - structured bindings of a reference handle
//   (`for (auto &[id, s] : sessions)`: `s` and `id` name parts of the element);
// - lambda captures: a handle variable captured by reference (the lambda
//   then refers to the element, or to the local iterator/pointer pointing at
//   it), a pointer, iterator or view captured by value, and init-captures
//   initialised with a handle (`[&e = m[k]]`, `[p = &m[k]]`,
//   `[it = m.find(k)]`). A reference handle captured by value copies the
//   element and is not a handle.
// Only containers of ContainerModel produce handles: `std::array`, C arrays
// and other fixed storage never reallocate or erase, so their elements live
// exactly as long as the array itself.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_ELEMENTHANDLE_H
#define CONTAINERS_TIDY_LIB_ELEMENTHANDLE_H

#include "lib/ContainerAccess.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/LambdaCapture.h"

namespace clang::tidy::containers {

enum class HandleKind : unsigned char {
  Iterator,
  Reference,
  Pointer,
  View, ///< string_view, span: invalidated like a reference
};

struct ElementHandle {
  enum class Position : unsigned char { Unknown, Key, Front, Back };

  /// The variable (or init-capture) that is the handle; for a structured
  /// binding, the hidden variable the binding decomposes.
  const VarDecl *Var = nullptr;
  /// When the handle is a structured binding of Var.
  const BindingDecl *Binding = nullptr;
  HandleKind Kind = HandleKind::Reference;
  ContainerRef Container;
  ContainerFamily Family = ContainerFamily::Contiguous;
  const Expr *Source = nullptr; ///< the call on the container it came from
  Position Pos = Position::Unknown;
  const Expr *Key = nullptr; ///< with Position::Key: key, index or iterator

  /// The handle \p Var is, if its initialiser points into a container.
  static std::optional<ElementHandle> fromVar(const VarDecl *Var,
                                              const ContainerModel &Model);

  /// fromVar, plus views of an element and structured bindings of a
  /// reference handle (see the design note).
  static std::optional<ElementHandle>
  fromCapturedVar(const ValueDecl *D, const ContainerModel &Model);

  /// The handle lambda capture \p C holds into a container, if any: a handle
  /// variable captured by reference, a pointer/iterator/view captured by
  /// value, or an init-capture initialised with a handle.
  static std::optional<ElementHandle> fromCapture(const LambdaCapture &C,
                                                  const ContainerModel &Model);

  /// The handle's name (the binding's for a structured binding).
  llvm::StringRef name() const;

  /// Does \p Op erase the element this handle names?
  bool isErasedBy(const ContainerOperation &Op) const;

  /// Is this handle invalidated by \p Op, per the ContainerModel rule?
  bool isInvalidatedBy(const ContainerOperation &Op) const;

  /// May \p Op, an operation on the same container in another function,
  /// invalidate this handle? Like isInvalidatedBy, except that an erase may
  /// erase this handle's element whenever its key or position cannot be
  /// compared (it lives in the other function), and a move out of the
  /// container (ContainerOperation::matchMove) always may.
  bool mayBeInvalidatedBy(const ContainerOperation &Op) const;

  llvm::StringRef kindName() const;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_ELEMENTHANDLE_H
