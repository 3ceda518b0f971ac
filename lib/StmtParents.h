//===- StmtParents.h - the parent of each statement of one function body --===//
//
// Design note. Checks that anchor their matcher on one kind of expression
// and then need its context (is it a condition, an argument, the object of
// a call) would otherwise either register a matcher per context, each of
// which the matcher engine tries on every node of the translation unit, or
// ask ASTContext::getParents, whose first call builds a parent map of the
// whole translation unit (headers included). This index is built for one
// function body only, on demand, with one walk: its cost is proportional to
// the functions that contain a candidate, not to the translation unit.
//
// The walk follows Stmt::children(), so lambda bodies inside the function
// are part of it; declarations are not nodes: the initialiser of a local
// variable has its DeclStmt as parent.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_STMTPARENTS_H
#define CONTAINERS_TIDY_LIB_STMTPARENTS_H

#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::containers {

class StmtParents {
public:
  /// Indexes \p Body (replacing any previous index).
  void build(const Stmt *Body);
  /// The body indexed last; null before the first build().
  const Stmt *body() const { return Body; }
  /// The parent of \p S inside the body; null for the body itself and for
  /// statements outside it.
  const Stmt *parentOf(const Stmt *S) const { return Parents.lookup(S); }

private:
  const Stmt *Body = nullptr;
  llvm::DenseMap<const Stmt *, const Stmt *> Parents;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_STMTPARENTS_H
