//===- BoolMapAsSetCheck.h - containers-bool-map-as-set -------------------===//

#ifndef CONTAINERS_TIDY_CHECKS_BOOLMAPASSETCHECK_H
#define CONTAINERS_TIDY_CHECKS_BOOLMAPASSETCHECK_H

#include "lib/ContainersCheck.h"
#include "lib/DeclFilter.h"
#include "lib/StmtParents.h"
#include "lib/TraversalPosition.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace clang::tidy::containers {

/// A map to bool in which every store writes true and every read tests
/// presence: a set of the keys.
///
/// For the user-facing documentation see
/// docs/checks/containers-bool-map-as-set.md
class BoolMapAsSetCheck : public ContainersCheck {
public:
  BoolMapAsSetCheck(llvm::StringRef Name, ClangTidyContext *Context)
      : ContainersCheck(Name, Context) {}
  void registerProgramMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// The TU-wide inventory of one candidate declaration's uses.
  struct Inventory {
    bool Disqualified = false;
    unsigned Reads = 0;
    llvm::SmallVector<SourceLocation, 4> Stores;
    llvm::SmallVector<const Expr *, 8> Uses; ///< every reference
    const ValueDecl *Declaration = nullptr;  ///< set when it is a candidate
    std::string SetSpelling;                 ///< `std::set<int>`
  };
  /// Is every use of \p D in this TU: a local, a global with internal
  /// linkage, or a private member of a class whose members and friends are
  /// all defined here?
  static bool usesAllVisible(const ValueDecl *D);
  void classified(const Expr *Ref, bool Read, SourceLocation Store = {});
  /// Classifies a reference from its parents (Parents must index the body
  /// of its function).
  void classifyUse(const Expr *Use);
  void classifyMemberCall(const Expr *Ref, const CXXMemberCallExpr *Member);
  void classifySubscript(const Expr *Ref,
                         const CXXOperatorCallExpr *Subscript);

  /// Variables (not parameters) and data members whose type has the shape
  /// `X<K, bool, ...>`: the only declarations the matchers look at.
  class BoolShapedMaps : public DeclFilter {
  protected:
    bool decide(const ValueDecl *D) override;
  };

  BoolShapedMaps Shaped;
  std::shared_ptr<TraversalPosition> Position;
  /// References to candidates inside function bodies, with the function.
  std::vector<std::pair<const Expr *, const FunctionDecl *>> InFunctions;
  StmtParents Parents;
  llvm::MapVector<const ValueDecl *, Inventory> Candidates;
  llvm::DenseSet<const Expr *> Accepted; ///< references with a known role
  /// Report locations: instantiations of one template declare one map.
  llvm::DenseSet<SourceLocation::UIntTy> Reported;
  bool Uncompilable = false;
  ASTContext *Context = nullptr;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_CHECKS_BOOLMAPASSETCHECK_H
