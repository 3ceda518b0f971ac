//===- IteratorInvalidationCheck.h - containers-iterator-invalidation -----===//

#ifndef CONTAINERS_TIDY_CHECKS_ITERATORINVALIDATIONCHECK_H
#define CONTAINERS_TIDY_CHECKS_ITERATORINVALIDATIONCHECK_H

#include "lib/ContainersCheck.h"
#include "lib/Compat.h"
#include "lib/FunctionFlow.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::containers {

struct ContainerOperation;
struct ElementHandle;

/// A container modified while a loop walks it, or an iterator, reference or
/// pointer into it used after an operation that invalidates it.
///
/// For the user-facing documentation see
/// docs/checks/containers-iterator-invalidation.md
class IteratorInvalidationCheck : public ContainersCheck {
public:
  IteratorInvalidationCheck(llvm::StringRef Name, ClangTidyContext *Context);
  void registerProgramMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void checkRangeFor(const CXXForRangeStmt *Loop, ASTContext &Ctx);
  void checkHandle(const VarDecl *Var, ASTContext &Ctx);
  /// Is \p Op growth that a reserve() on the same container, earlier in the
  /// same function, makes non-reallocating?
  bool isReservedGrowth(const ContainerOperation &Op, const FunctionDecl *FD,
                        ASTContext &Ctx);
  /// Fix-its turning `c.erase(it)` in a `for (...; ++it)` loop into
  /// `it = c.erase(it)` with the increment in an else branch; empty unless
  /// that rewrite is exact.
  llvm::SmallVector<FixItHint, 3> eraseLoopFix(const ElementHandle &Handle,
                                               const ContainerOperation &Op,
                                               const DeclRefExpr *Use,
                                               ASTContext &Ctx);

  FunctionFlowCache Flows{Model};
  ReportOnce Reported;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_CHECKS_ITERATORINVALIDATIONCHECK_H
