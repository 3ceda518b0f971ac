//===- TraversalPosition.h - the function the matcher traversal is in -----===//
//
// Design note. Several checks need the function an expression belongs to
// (to build its flow graph, its lock scopes, its parents). Asking
// ASTContext::getParents would build a parent map of the whole translation
// unit; a matcher per check on every function definition would be tried on
// every function of the TU once per check. Instead one object per
// MatchFinder (PerFinder) watches the traversal: the matcher traversal
// visits a function definition before anything in its body, so the last
// definition it entered, and the lambdas met since, are where a later node
// is, as long as the node lies in that function's body (which
// functionContaining() checks: a namespace-scope initialiser after a
// function is not in it).
//
// Only the program's functions are watched: written definitions outside
// system headers, not implicit members nor a lambda's call operator (a
// lambda's body is part of the function around it; lambdas are listed on
// their own).
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_TRAVERSALPOSITION_H
#define CONTAINERS_TIDY_LIB_TRAVERSALPOSITION_H

#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang::tidy::containers {

class TraversalPosition : public ast_matchers::MatchFinder::MatchCallback {
public:
  /// The position watcher of \p Finder's traversal, shared by every check
  /// that asks (its matchers are registered once).
  static std::shared_ptr<TraversalPosition>
  shared(ast_matchers::MatchFinder *Finder);

  /// The program function definition the traversal entered last; null
  /// before the first.
  const FunctionDecl *function() const { return Function; }
  /// The call operators of the lambdas (outside system headers) met since
  /// function() was entered, outermost first.
  llvm::ArrayRef<const FunctionDecl *> lambdas() const { return Lambdas; }
  /// function(), when \p S lies in its body; null otherwise.
  const FunctionDecl *functionContaining(const Stmt *S,
                                         const SourceManager &SM) const;

  void run(const ast_matchers::MatchFinder::MatchResult &Result) override;
  llvm::StringRef getID() const override { return "containers-position"; }

private:
  const FunctionDecl *Function = nullptr;
  llvm::SmallVector<const FunctionDecl *, 4> Lambdas;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_TRAVERSALPOSITION_H
