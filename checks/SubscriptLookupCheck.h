//===- SubscriptLookupCheck.h - containers-subscript-lookup ---------------===//

#ifndef CONTAINERS_TIDY_CHECKS_SUBSCRIPTLOOKUPCHECK_H
#define CONTAINERS_TIDY_CHECKS_SUBSCRIPTLOOKUPCHECK_H

#include "lib/Compat.h"
#include "lib/ContainersCheck.h"
#include "lib/TraversalPosition.h"
#include "lib/FunctionFlow.h"
#include "lib/LockScope.h"
#include "lib/StmtParents.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::containers {

struct ContainerOperation;

/// `map[key]` used only to read, which inserts a default value when the key
/// is missing.
///
/// For the user-facing documentation see
/// docs/checks/containers-subscript-lookup.md
class SubscriptLookupCheck : public ContainersCheck {
public:
  SubscriptLookupCheck(llvm::StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerProgramMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// Is the key of \p Op known to be present or managed here: another access
  /// to the same key of the same map in the function, or the key of a loop
  /// over that map?
  bool keyIsManaged(const ContainerOperation &Op, const FunctionDecl *FD,
                    ASTContext &Ctx);

  /// The function definition whose body contains \p E, if it is the one
  /// the traversal is in.
  const FunctionDecl *enclosingFunction(const Expr *E,
                                        const ASTContext &Ctx) const;

  /// How a subscript's value is used, read off its parents.
  struct SubscriptUse {
    bool Reads = false;       ///< only read (copied, compared, ...)
    bool InCondition = false; ///< the condition of if/while/for/do/?:
    bool Negated = false;     ///< the operand of `!`
  };
  /// Needs Parents built for the subscript's function.
  SubscriptUse useOf(const CXXOperatorCallExpr *Subscript) const;

  /// Report maps that are local variables of the function too.
  const bool IncludeLocalMaps;
  /// Is containers-unsynchronized-mutation enabled? It owns `m[k]` under
  /// a shared lock (a definite race, worse than the inserted default).
  const bool MutationCheckEnabled;
  LockVocabulary Vocabulary;
  LockScopeCache Locks{Vocabulary};
  FunctionFlowCache Flows{Model};
  ReportOnce Reported;
  /// Parents in the body of the function of the last map subscript.
  StmtParents Parents;
  llvm::DenseSet<const Expr *> Seen; ///< subscripts already reported
  /// The function the AST traversal is in.
  std::shared_ptr<TraversalPosition> Position;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_CHECKS_SUBSCRIPTLOOKUPCHECK_H
