//===- DeclFilter.h - one-step matchers on the declaration a node names ---===//
//
// Design note. A matcher registered for a node kind is tried on every node of
// that kind in the translation unit, headers and instantiations included, and
// every nested matcher costs a dispatch of its own (a kind test, a traversal
// scope, a bound-nodes copy). A check that follows a few declarations (the
// containers of Storage, the maps to bool of containers-bool-map-as-set)
// would otherwise pay `declRefExpr(to(varDecl(hasType(...))))` on every
// reference of the TU only to turn nearly all of them away.
//
// A DeclFilter answers "is this declaration one the check follows?" once per
// declaration (memoized by canonical declaration), and the matchers below ask
// it in ONE step from the node: the declaration a reference names, the object
// of a member call, an argument, a range-for's range. Everything else the
// check wants to know is then tested in C++ on the few nodes that pass.
//
// The memo holds declaration pointers: clear() it when the AST changes.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_DECLFILTER_H
#define CONTAINERS_TIDY_LIB_DECLFILTER_H

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::containers {

class DeclFilter {
public:
  virtual ~DeclFilter() = default;
  /// Memoized decide() of the canonical declaration of \p D; false for null.
  bool accepts(const ValueDecl *D);
  void clear() { Memo.clear(); }

protected:
  /// The answer for canonical declaration \p D.
  virtual bool decide(const ValueDecl *D) = 0;

private:
  llvm::DenseMap<const ValueDecl *, bool> Memo;
};

/// The DeclRefExpr or MemberExpr \p E is, through parens, implicit casts
/// and conversions and, with \p ThroughDeref, `*p`; null otherwise.
const Expr *namedRef(const Expr *E, bool ThroughDeref = true);
/// The declaration namedRef(\p E) names.
const ValueDecl *namedDecl(const Expr *E, bool ThroughDeref = true);

/// A DeclRefExpr or MemberExpr whose declaration \p Filter accepts.
AST_POLYMORPHIC_MATCHER_P(namesAccepted,
                          AST_POLYMORPHIC_SUPPORTED_TYPES(DeclRefExpr,
                                                          MemberExpr),
                          DeclFilter *, Filter) {
  if constexpr (std::is_same_v<NodeType, DeclRefExpr>)
    return Filter->accepts(Node.getDecl());
  else
    return Filter->accepts(Node.getMemberDecl());
}

/// A declaration \p Filter accepts.
AST_MATCHER_P(ValueDecl, isAccepted, DeclFilter *, Filter) {
  return Filter->accepts(&Node);
}

/// A range-based for loop over a declaration \p Filter accepts.
AST_MATCHER_P(CXXForRangeStmt, rangeAccepted, DeclFilter *, Filter) {
  const Expr *Range = Node.getRangeInit();
  return Range && Filter->accepts(namedDecl(Range));
}

/// Is \p Loc, where it is expanded, in a system header?
bool inSystemHeader(SourceLocation Loc, const SourceManager &SM);

/// A function definition written outside system headers (the standard
/// library's code is not the program's); with \p WrittenOnly, not an
/// implicit member nor a lambda's call operator either (a lambda's body is
/// part of the function around it).
AST_MATCHER_P(FunctionDecl, isProgramDefinition, bool, WrittenOnly) {
  if (!Node.isThisDeclarationADefinition())
    return false;
  if (WrittenOnly) {
    if (Node.isImplicit())
      return false;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(&Node);
        Method && Method->getParent()->isLambda())
      return false;
  }
  return !inSystemHeader(Node.getLocation(),
                         Finder->getASTContext().getSourceManager());
}

/// A local variable, not a parameter nor an implicit one (a range-for's
/// hidden variables), written outside system headers.
AST_MATCHER(VarDecl, isProgramLocal) {
  return Node.hasLocalStorage() && !isa<ParmVarDecl>(Node) &&
         !Node.isImplicit() &&
         !inSystemHeader(Node.getLocation(),
                         Finder->getASTContext().getSourceManager());
}

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_DECLFILTER_H
