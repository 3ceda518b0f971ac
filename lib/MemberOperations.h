//===- MemberOperations.h - what a class's member functions do to its -----===//
//                          member containers
//
// Design note. For one class, the operations its member functions perform on
// the containers that are its own data members, reached through `this`
// (`sessions_.erase(id)`, `this->queue_.clear()`, `auto &q = queue_;
// q.push_back(x)`, `auto old = std::move(tasks_)`): FunctionFlow's modifying
// operations and moves of each member function defined in the translation
// unit, and of the lambdas written inside them (`post([this, id] {
// sessions_.erase(id); })` runs code of the class later). A lambda's
// operations are attributed to the member function that contains it.
//
// The list is built for a class on the first question about it, from the
// FunctionFlows the check already caches: each member function's body is
// walked once more only to find its lambdas. Classes nobody asks about cost
// nothing.
//
// Simplifications, on purpose:
// - Only what this translation unit defines is seen: member functions
//   defined in another file, member function templates and uninstantiated
//   members of a class template specialization are missing, so "no member
//   function erases it" means "none visible here".
// - Constructors are left out: they run before any other member function of
//   the object can start a thread or store a callback. Implicit and
//   defaulted members have no body written by the user.
// - Member functions of derived classes, friends, and code outside the class
//   that reaches a public member are not looked at.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_MEMBEROPERATIONS_H
#define CONTAINERS_TIDY_LIB_MEMBEROPERATIONS_H

#include "lib/FunctionFlow.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace clang::tidy::containers {

struct MemberOperation {
  /// An operation of Flow->operations() or Flow->moves() on a member
  /// container of the class through `this`.
  const ContainerOperation *Op = nullptr;
  /// The member function it is written in (for a lambda, the member
  /// function containing the lambda).
  const CXXMethodDecl *Method = nullptr;
  /// The function whose FunctionFlow holds Op: Method's definition, or the
  /// call operator of a lambda inside it.
  const FunctionDecl *Function = nullptr;
};

class MemberOperations {
public:
  explicit MemberOperations(FunctionFlowCache &Flows) : Flows(Flows) {}

  /// What the member functions of \p RD (defined in this TU) do to the
  /// containers that are data members of `this`, in declaration order of
  /// the member functions.
  llvm::ArrayRef<MemberOperation> of(const CXXRecordDecl *RD, ASTContext &Ctx);

  void clear() { PerClass.clear(); }

private:
  FunctionFlowCache &Flows;
  llvm::DenseMap<const CXXRecordDecl *, std::vector<MemberOperation>> PerClass;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_MEMBEROPERATIONS_H
