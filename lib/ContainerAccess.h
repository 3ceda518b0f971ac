//===- ContainerAccess.h - which container an expression names, and how a ===//
//                         call operates on it
//
// Design note. A ContainerRef is the identity of a container object as a
// chain of declarations: a variable or `this`, then fields (`items`,
// `this->items_`, `obj.items`, `p->items`, `*sp`). Pointer and smart-pointer
// dereferences are looked through, and a local reference initialised from
// another container expression is resolved to it (`auto &l = this->list_;`).
// Anything else (calls, temporaries, array elements) has no identity, so no
// check reasons about it: copies such as `std::vector(v)` are never confused
// with `v`.
//
// A ContainerOperation is a call that operates on a container: a member call
// (`c.erase(k)`, `p->push_back(x)`), a member operator (`c[k]`, `c = {}`), or
// a free `std::erase`/`std::erase_if`, together with the ContainerModel rule
// for it, when the operation modifies the container. A move out of a
// container (`auto old = std::move(c);`, `other = std::move(c);`) is an
// operation too, with no rule: the elements change owner, and the table's
// rows are about what stays in the container.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_CONTAINERACCESS_H
#define CONTAINERS_TIDY_LIB_CONTAINERACCESS_H

#include "lib/ContainerModel.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang::tidy::containers {

class ContainerRef {
public:
  /// The identity of the container \p E denotes, if it has one.
  static std::optional<ContainerRef> fromExpr(const Expr *E);

  bool operator==(const ContainerRef &Other) const {
    return Path == Other.Path;
  }
  bool operator!=(const ContainerRef &Other) const { return !(*this == Other); }

  /// For messages: `items`, `obj.items`, `this->items_` prints as `items_`.
  std::string name() const;
  /// The variable the chain starts from; null for `this`.
  const ValueDecl *root() const { return Path.front(); }
  /// Is this a data member reached through `this`?
  bool isMemberOfThis() const { return Path.front() == nullptr; }
  /// For a data member reached through `this`, the member of `this` the
  /// chain starts with (`state_` for `this->state_.sessions`); else null.
  const ValueDecl *memberOfThis() const {
    return isMemberOfThis() && Path.size() > 1 ? Path[1] : nullptr;
  }
  /// The last declaration of the chain (the variable or field).
  const ValueDecl *decl() const { return Path.back(); }
  /// Is this an object of the function's own: a local variable or a
  /// by-value parameter (not a reference, pointer or static), or a member
  /// of one? Nothing outside the call can reach it.
  bool isLocalObject() const;

private:
  // Path[0] is the root variable, or null for `this`; then fields.
  llvm::SmallVector<const ValueDecl *, 3> Path;
};

struct ContainerOperation {
  const Expr *Call = nullptr;
  ContainerRef Container;
  ContainerFamily Family;
  /// The rule from ContainerModel; null when the call does not modify.
  const OperationRule *Rule = nullptr;
  llvm::StringRef Name; ///< "erase", "operator[]", "std::erase_if"
  llvm::SmallVector<const Expr *, 2> Args; ///< arguments after the object
  SourceLocation Loc;                      ///< where to point at the call

  /// Recognises \p E as an operation on a container known to \p Model.
  static std::optional<ContainerOperation> match(const Expr *E,
                                                 const ContainerModel &Model);

  /// Recognises \p E as a move out of a container known to \p Model: a move
  /// construction or a move assignment whose source is `std::move(c)`
  /// (`auto old = std::move(c);`, `other = std::move(c);`, a by-value
  /// argument). Name is "std::move", Rule is null, Call is the `std::move`
  /// call and Loc the container in it. A `std::move(c)` bound to an rvalue
  /// reference parameter is not one: the callee may or may not move.
  static std::optional<ContainerOperation>
  matchMove(const Expr *E, const ContainerModel &Model);
};

/// Strips parens, implicit casts, temporaries and cleanups.
const Expr *ignoreWrappers(const Expr *E);

/// Also looks through a copy or move construction (`erase(it)` copies `it`
/// into the parameter, `auto it = m.find(k)` copies the result).
const Expr *ignoreCopy(const Expr *E);

/// The object a member call or member operator call is made on, with pointer
/// and smart-pointer dereferences left in place; null if not a member call.
const Expr *memberCallObject(const Expr *Call);

/// The name of \p Method as the table spells it ("operator[]" for operators).
llvm::StringRef operationName(const FunctionDecl *Method);

/// Does \p E refer to \p D (a DeclRefExpr, ignoring parens and implicit
/// casts and conversions)?
bool refersTo(const Expr *E, const ValueDecl *D);

/// Are \p A and \p B the same key: the same variable, or equal literals?
bool sameKey(const Expr *A, const Expr *B);

/// Can \p A and \p B be the same key: sameKey, or one of them is neither a
/// variable nor a literal, so that their values cannot be told apart?
bool mayBeSameKey(const Expr *A, const Expr *B);

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_CONTAINERACCESS_H
