//===- UncheckedFindCheck.h - containers-unchecked-find -------------------===//

#ifndef CONTAINERS_TIDY_CHECKS_UNCHECKEDFINDCHECK_H
#define CONTAINERS_TIDY_CHECKS_UNCHECKEDFINDCHECK_H

#include "lib/AssertMacros.h"
#include "lib/ContainerAccess.h"
#include "lib/ContainersCheck.h"
#include "lib/TraversalPosition.h"
#include "lib/FunctionFlow.h"

namespace clang::tidy::containers {

/// The result of find, lower_bound or upper_bound dereferenced without a
/// comparison with the container's end.
///
/// For the user-facing documentation see
/// docs/checks/containers-unchecked-find.md
class UncheckedFindCheck : public ContainersCheck {
public:
  UncheckedFindCheck(llvm::StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerProgramMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// A call that returns an iterator into a container, or its end.
  struct Lookup {
    const CallExpr *Call;
    ContainerRef Container;
    llvm::StringRef Name;      ///< "find", "std::find_if", ...
    const Expr *Key = nullptr; ///< null for predicates
    SourceLocation Loc;
  };
  std::optional<Lookup> matchLookup(const Expr *E) const;
  /// Does \p FD test, assert or manage the key of \p L elsewhere, so that
  /// the element may be known to exist?
  bool mayBeKnownPresent(const Lookup &L, const FunctionFlow &Flow,
                         const FunctionDecl *FD) const;
  void checkVariable(const VarDecl *Var, const Lookup &L, ASTContext &Ctx);
  void checkDirect(const Expr *Deref, const Lookup &L, ASTContext &Ctx);

  const std::string AssertMacroNames;
  AssertMacros Asserts;
  FunctionFlowCache Flows{Model};
  ReportOnce Reported;
  /// The function (and lambdas) the AST traversal is in.
  std::shared_ptr<TraversalPosition> Position;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_CHECKS_UNCHECKEDFINDCHECK_H
