//===- LoopBody.cpp -------------------------------------------------------===//

#include "lib/LoopBody.h"
#include "lib/ContainerAccess.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::containers {
namespace {

void walk(const Stmt *S, llvm::SmallVectorImpl<const Stmt *> &Path,
          llvm::function_ref<void(const CallExpr *,
                                  llvm::ArrayRef<const Stmt *>)>
              Visit) {
  if (!S || isa<LambdaExpr>(S))
    return;
  Path.push_back(S);
  if (const auto *Call = dyn_cast<CallExpr>(S))
    Visit(Call, Path);
  for (const Stmt *Child : S->children())
    walk(Child, Path, Visit);
  Path.pop_back();
}

bool isLoopOrSwitch(const Stmt *S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(S);
}

bool isUnconditionalExit(const Stmt *S, bool BreakLeaves) {
  if (!S)
    return false;
  if (isa<ReturnStmt, CoreturnStmt, GotoStmt>(S))
    return true;
  if (isa<BreakStmt>(S))
    return BreakLeaves;
  if (const auto *E = dyn_cast<Expr>(S)) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr()->IgnoreParenImpCasts();
    if (isa<CXXThrowExpr>(E))
      return true;
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        return Callee->isNoReturn();
    return false;
  }
  if (const auto *Compound = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : Compound->body()) {
      if (isUnconditionalExit(Child, BreakLeaves))
        return true;
      if (continuesEnclosingLoop(Child))
        return false;
    }
  }
  return false;
}

const Expr *strip(const Expr *E) { return ignoreWrappers(E); }

} // namespace

bool continuesEnclosingLoop(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<ContinueStmt>(S))
    return true;
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
    return false;
  for (const Stmt *Child : S->children())
    if (continuesEnclosingLoop(Child))
      return true;
  return false;
}

void forEachCallInLoopBody(
    const Stmt *Loop, const Stmt *Body,
    llvm::function_ref<void(const CallExpr *, llvm::ArrayRef<const Stmt *>)>
        Visit) {
  llvm::SmallVector<const Stmt *, 16> Path{Loop};
  walk(Body, Path, Visit);
}

bool leavesLoopRightAfter(llvm::ArrayRef<const Stmt *> Path) {
  // A `break` inside a nested loop or switch leaves that one, not ours.
  size_t FirstNested = Path.size();
  for (size_t I = 1; I < Path.size(); ++I)
    if (isLoopOrSwitch(Path[I])) {
      FirstNested = I;
      break;
    }
  for (size_t I = Path.size() - 1; I >= 1; --I) {
    const Stmt *Parent = Path[I - 1];
    const Stmt *Child = Path[I];
    if (I - 1 == 0)
      return false; // reached the loop itself: the iteration goes on
    if (isa<ReturnStmt, CoreturnStmt, CXXThrowExpr>(Parent))
      return true;
    const auto *Compound = dyn_cast<CompoundStmt>(Parent);
    if (!Compound)
      continue;
    bool BreakLeaves = I - 1 < FirstNested;
    bool After = false;
    for (const Stmt *Sibling : Compound->body()) {
      if (Sibling == Child) {
        After = true;
        continue;
      }
      if (!After)
        continue;
      if (isUnconditionalExit(Sibling, BreakLeaves))
        return true;
      if (BreakLeaves && continuesEnclosingLoop(Sibling))
        return false;
    }
  }
  return false;
}

bool isVisitedElement(const Expr *E, const CXXForRangeStmt *Loop,
                      unsigned Depth) {
  const VarDecl *LoopVar = Loop->getLoopVariable();
  E = strip(E);
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return !ME->isArrow() && isVisitedElement(ME->getBase(), Loop, Depth);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    // `c.find(kv.first)`
    if (const CXXMethodDecl *M = Call->getMethodDecl();
        M && M->getIdentifier() && M->getName() == "find" &&
        Call->getNumArgs() == 1)
      return isVisitedElement(Call->getArg(0), Loop, Depth);
    return false;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1)
    return isVisitedElement(Construct->getArg(0), Loop, Depth);
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  if (!Ref)
    return false;
  const ValueDecl *D = Ref->getDecl();
  if (D == LoopVar)
    return true;
  if (const auto *Binding = dyn_cast<BindingDecl>(D))
    return Binding->getDecomposedDecl() == LoopVar;
  // `const auto &key = kv.first; m.erase(key);`
  if (const auto *Var = dyn_cast<VarDecl>(D);
      Var && Depth < 2 && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
      Var->getInit())
    return isVisitedElement(Var->getInit(), Loop, Depth + 1);
  return false;
}

const VarDecl *keyOfLoopVariable(const Expr *E) {
  E = strip(E);
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *Base = dyn_cast<DeclRefExpr>(strip(ME->getBase()));
    const auto *Var = Base ? dyn_cast<VarDecl>(Base->getDecl()) : nullptr;
    if (ME->isArrow() || !Var || !Var->isCXXForRangeDecl() ||
        !ME->getMemberDecl()->getIdentifier() ||
        ME->getMemberDecl()->getName() != "first")
      return nullptr;
    return Var;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Binding = dyn_cast<BindingDecl>(Ref->getDecl()))
      if (const auto *Decomp =
              dyn_cast_or_null<DecompositionDecl>(Binding->getDecomposedDecl()))
        if (Decomp->isCXXForRangeDecl() && !Decomp->bindings().empty() &&
            Decomp->bindings()[0] == Binding)
          return Decomp;
  return nullptr;
}

bool isVisitedKey(const Expr *E, const CXXForRangeStmt *Loop) {
  const VarDecl *Var = keyOfLoopVariable(E);
  return Var && Var == Loop->getLoopVariable();
}

std::optional<ContainerRef> containerWalkedBy(const VarDecl *LoopVar) {
  // `for (auto &x : c)` is `auto &&__range = c; auto __begin =
  // __range.begin(); ...; auto &x = *__begin;`.
  if (!LoopVar || !LoopVar->isCXXForRangeDecl() || !LoopVar->getInit())
    return std::nullopt;
  const Expr *Init = strip(LoopVar->getInit());
  const Expr *Iterator = nullptr;
  if (const auto *U = dyn_cast<UnaryOperator>(Init); U && U->getOpcode() == UO_Deref)
    Iterator = U->getSubExpr();
  else if (const auto *Star = dyn_cast<CXXOperatorCallExpr>(Init);
           Star && Star->getOperator() == OO_Star && Star->getNumArgs() == 1)
    Iterator = Star->getArg(0);
  const auto *BeginRef =
      Iterator ? dyn_cast<DeclRefExpr>(ignoreCopy(Iterator)) : nullptr;
  const auto *Begin =
      BeginRef ? dyn_cast<VarDecl>(BeginRef->getDecl()) : nullptr;
  if (!Begin || !Begin->isImplicit() || !Begin->getInit())
    return std::nullopt;
  const Expr *BeginCall = ignoreCopy(Begin->getInit());
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(BeginCall))
    return ContainerRef::fromExpr(Member->getImplicitObjectArgument());
  if (const auto *Call = dyn_cast<CallExpr>(BeginCall);
      Call && Call->getNumArgs() == 1)
    return ContainerRef::fromExpr(Call->getArg(0));
  return std::nullopt;
}

} // namespace clang::tidy::containers
