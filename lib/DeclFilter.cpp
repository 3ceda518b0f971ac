//===- DeclFilter.cpp -----------------------------------------------------===//

#include "lib/DeclFilter.h"
#include "lib/ContainerAccess.h"

namespace clang::tidy::containers {

bool DeclFilter::accepts(const ValueDecl *D) {
  if (!D)
    return false;
  D = cast<ValueDecl>(D->getCanonicalDecl());
  if (auto It = Memo.find(D); It != Memo.end())
    return It->second;
  const bool Result = decide(D);
  Memo[D] = Result;
  return Result;
}

const Expr *namedRef(const Expr *E, bool ThroughDeref) {
  while (E) {
    E = ignoreWrappers(E);
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        ThroughDeref && U && U->getOpcode() == UO_Deref) {
      E = U->getSubExpr();
      continue;
    }
    break;
  }
  return E && isa<DeclRefExpr, MemberExpr>(E) ? E : nullptr;
}

const ValueDecl *namedDecl(const Expr *E, bool ThroughDeref) {
  const Expr *Ref = namedRef(E, ThroughDeref);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Ref))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Ref))
    return ME->getMemberDecl();
  return nullptr;
}

bool inSystemHeader(SourceLocation Loc, const SourceManager &SM) {
  return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

} // namespace clang::tidy::containers
