//===- FunctionFlow.cpp ---------------------------------------------------===//

#include "lib/FunctionFlow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <deque>

namespace clang::tidy::containers {
namespace {

const DeclRefExpr *asVarRef(const Expr *E) {
  return dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
}

/// One walk of a function body: modifying container operations, and which
/// variable references re-assign or dereference.
class BodyScanner : public RecursiveASTVisitor<BodyScanner> {
public:
  BodyScanner(const ContainerModel &Model,
              std::vector<ContainerOperation> &Operations,
              std::vector<ContainerOperation> &Accesses,
              std::vector<ContainerOperation> &Moves,
              llvm::DenseSet<const DeclRefExpr *> &Reassigned,
              llvm::DenseSet<const DeclRefExpr *> &Dereferenced,
              llvm::DenseMap<const VarDecl *, SourceLocation> &ScopeEnds,
              llvm::DenseSet<const Expr *> &Assigned,
              SourceLocation FunctionEnd)
      : Model(Model), Operations(Operations), Accesses(Accesses), Moves(Moves),
        Reassigned(Reassigned), Dereferenced(Dereferenced),
        ScopeEnds(ScopeEnds), Assigned(Assigned), FunctionEnd(FunctionEnd) {}

  bool TraverseStmt(Stmt *S) {
    if (!S)
      return true;
    const bool OpensScope =
        isa<CompoundStmt, ForStmt, CXXForRangeStmt, IfStmt, WhileStmt,
            SwitchStmt, CXXCatchStmt>(S);
    if (OpensScope)
      Scopes.push_back(S);
    bool Result = RecursiveASTVisitor::TraverseStmt(S);
    if (OpensScope)
      Scopes.pop_back();
    return Result;
  }

  bool VisitDeclStmt(DeclStmt *DS) {
    SourceLocation End = Scopes.empty() ? FunctionEnd : Scopes.back()->getEndLoc();
    for (const Decl *D : DS->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        ScopeEnds[Var] = End;
    return true;
  }

  // Lambdas and local classes are separate functions.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  bool VisitCallExpr(CallExpr *Call) {
    if (std::optional<ContainerOperation> Op =
            ContainerOperation::match(Call, Model)) {
      if (Op->Rule)
        Operations.push_back(*Op);
      Accesses.push_back(std::move(*Op));
    }
    if (std::optional<ContainerOperation> Move =
            ContainerOperation::matchMove(Call, Model))
      Moves.push_back(std::move(*Move));
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (Op->getNumArgs() >= 1) {
        OverloadedOperatorKind K = Op->getOperator();
        if (K == OO_Equal)
          markReassigned(Op->getArg(0));
        if (Op->isAssignmentOp() || K == OO_PlusPlus || K == OO_MinusMinus)
          Assigned.insert(ignoreWrappers(Op->getArg(0)));
        if (K == OO_Star || K == OO_Arrow || K == OO_Subscript)
          markDereferenced(Op->getArg(0));
      }
    }
    // A non-const reference parameter may re-assign its argument.
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      unsigned Offset = isa<CXXOperatorCallExpr>(Call) &&
                                isa<CXXMethodDecl>(Callee)
                            ? 1
                            : 0;
      for (unsigned I = Offset; I < Call->getNumArgs(); ++I) {
        unsigned Param = I - Offset;
        if (Param >= Callee->getNumParams())
          break;
        QualType T = Callee->getParamDecl(Param)->getType();
        if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
          markReassigned(Call->getArg(I));
      }
    }
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    if (std::optional<ContainerOperation> Move =
            ContainerOperation::matchMove(Construct, Model))
      Moves.push_back(std::move(*Move));
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp() && B->getOpcode() == BO_Assign)
      markReassigned(B->getLHS());
    if (B->isAssignmentOp())
      Assigned.insert(ignoreWrappers(B->getLHS()));
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->getOpcode() == UO_AddrOf)
      markReassigned(U->getSubExpr());
    if (U->getOpcode() == UO_Deref)
      markDereferenced(U->getSubExpr());
    if (U->isIncrementDecrementOp())
      Assigned.insert(ignoreWrappers(U->getSubExpr()));
    return true;
  }

  bool VisitMemberExpr(MemberExpr *M) {
    if (M->isArrow())
      markDereferenced(M->getBase());
    return true;
  }

  bool VisitArraySubscriptExpr(ArraySubscriptExpr *A) {
    markDereferenced(A->getBase());
    return true;
  }

private:
  void markReassigned(const Expr *E) {
    if (const DeclRefExpr *Ref = asVarRef(E))
      Reassigned.insert(Ref);
  }
  void markDereferenced(const Expr *E) {
    if (const DeclRefExpr *Ref = asVarRef(E))
      Dereferenced.insert(Ref);
  }

  const ContainerModel &Model;
  std::vector<ContainerOperation> &Operations;
  std::vector<ContainerOperation> &Accesses;
  std::vector<ContainerOperation> &Moves;
  llvm::DenseSet<const DeclRefExpr *> &Reassigned;
  llvm::DenseSet<const DeclRefExpr *> &Dereferenced;
  llvm::DenseMap<const VarDecl *, SourceLocation> &ScopeEnds;
  llvm::DenseSet<const Expr *> &Assigned;
  SourceLocation FunctionEnd;
  llvm::SmallVector<const Stmt *, 16> Scopes;
};

bool declares(const Stmt *S, const VarDecl *Var) {
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (D->getCanonicalDecl() == Var->getCanonicalDecl())
        return true;
  return false;
}

} // namespace

std::unique_ptr<FunctionFlow> FunctionFlow::build(const FunctionDecl *FD,
                                                  ASTContext &Ctx,
                                                  const ContainerModel &Model) {
  Stmt *Body = FD->getBody();
  if (!Body)
    return nullptr;
  auto Flow = std::unique_ptr<FunctionFlow>(new FunctionFlow());
  Flow->Function = FD;
  Flow->Context = &Ctx;
  Flow->SM = &Ctx.getSourceManager();
  BodyScanner(Model, Flow->Operations, Flow->Accesses, Flow->Moves,
              Flow->Reassigned, Flow->Dereferenced, Flow->ScopeEnds,
              Flow->Assigned, Body->getEndLoc())
      .TraverseStmt(Body);
  return Flow;
}

bool FunctionFlow::ensureGraph() const {
  if (GraphBuilt)
    return Graph != nullptr;
  GraphBuilt = true;
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = false;
  Options.AddTemporaryDtors = false;
  Graph = CFG::buildCFG(Function, Function->getBody(), Context, Options);
  if (!Graph)
    return false;
  for (const CFGBlock *Block : *Graph) {
    if (!Block)
      continue;
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      if (auto S = Element.getAs<CFGStmt>()) {
        Positions.try_emplace(S->getStmt(), Position{Block, Index});
        // Multi-variable declarations appear as one synthetic DeclStmt per
        // variable.
        if (const auto *DS = dyn_cast<DeclStmt>(S->getStmt()))
          for (const Decl *D : DS->decls())
            if (const auto *Var = dyn_cast<VarDecl>(D))
              Declarations.try_emplace(Var->getCanonicalDecl(), DS);
      }
      ++Index;
    }
  }
  return true;
}

/// Is \p Block the head of a `for`, `while` or range-based `for` loop (the
/// block that decides whether the body runs again)?
static bool isLoopHead(const CFGBlock *Block) {
  const Stmt *T = Block->getTerminatorStmt();
  return T && isa<ForStmt, WhileStmt, CXXForRangeStmt>(T);
}

void FunctionFlow::walkFrom(
    const Stmt *From,
    llvm::function_ref<bool(const Stmt *, bool &EndPath)> Visit,
    llvm::function_ref<bool()> AtExit, bool StopAtLoopHeads) const {
  if (!ensureGraph())
    return;
  auto It = From ? Positions.find(From) : Positions.end();
  if (From && It == Positions.end())
    return;
  // Scans a block from an element on; returns true when the walk is over.
  // EndPath stops this path only.
  auto ScanBlock = [&](const CFGBlock *Block, unsigned Start, bool &EndPath) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      if (Index++ < Start)
        continue;
      if (auto S = Element.getAs<CFGStmt>()) {
        if (Visit(S->getStmt(), EndPath))
          return true;
        if (EndPath)
          return false;
      }
    }
    return false;
  };
  llvm::SmallPtrSet<const CFGBlock *, 32> Seen;
  std::deque<const CFGBlock *> Work;
  auto Enqueue = [&](const CFGBlock *Block) {
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
      if (const CFGBlock *Next = Succ.getReachableBlock())
        if (!(StopAtLoopHeads && isLoopHead(Next)) && Seen.insert(Next).second)
          Work.push_back(Next);
  };
  bool EndPath = false;
  if (!From)
    Enqueue(&Graph->getEntry());
  else if (ScanBlock(It->second.Block, It->second.Index + 1, EndPath))
    return;
  else if (!EndPath)
    Enqueue(It->second.Block);
  while (!Work.empty()) {
    const CFGBlock *Block = Work.front();
    Work.pop_front();
    if (AtExit && Block == &Graph->getExit() && AtExit())
      return;
    EndPath = false;
    if (ScanBlock(Block, 0, EndPath))
      return;
    if (!EndPath)
      Enqueue(Block);
  }
}

bool FunctionFlow::inScopeOf(const VarDecl *Var, const Stmt *S) const {
  auto It = ScopeEnds.find(Var);
  if (It == ScopeEnds.end())
    return true; // not declared by a statement of this body: no bound
  SourceLocation Begin = SM->getExpansionLoc(Var->getLocation());
  SourceLocation End = SM->getExpansionLoc(It->second);
  SourceLocation Loc = SM->getExpansionLoc(S->getBeginLoc());
  return !SM->isBeforeInTranslationUnit(Loc, Begin) &&
         !SM->isBeforeInTranslationUnit(End, Loc);
}

const DeclRefExpr *FunctionFlow::useAfter(
    const Stmt *From, const VarDecl *Var, bool KillOnAssign,
    llvm::function_ref<bool(const DeclRefExpr *)> IsUse) const {
  return firstUse(
      From, Var, KillOnAssign, [](const Stmt *) { return false; },
      /*StopAtLoopHeads=*/false, IsUse);
}

const DeclRefExpr *FunctionFlow::unguardedUse(
    const VarDecl *Var, llvm::function_ref<bool(const Stmt *)> IsBarrier,
    llvm::function_ref<bool(const DeclRefExpr *)> IsUse) const {
  if (!ensureGraph())
    return nullptr;
  auto It = Declarations.find(Var->getCanonicalDecl());
  if (It == Declarations.end())
    return nullptr;
  return firstUse(It->second, Var, /*KillOnAssign=*/true, IsBarrier,
                  /*StopAtLoopHeads=*/true, IsUse);
}

bool FunctionFlow::evaluates(const Stmt *S) const {
  return ensureGraph() && Positions.count(S);
}

const DeclRefExpr *FunctionFlow::firstUse(
    const Stmt *From, const VarDecl *Var, bool KillOnAssign,
    llvm::function_ref<bool(const Stmt *)> IsBarrier, bool StopAtLoopHeads,
    llvm::function_ref<bool(const DeclRefExpr *)> IsUse) const {
  const DeclRefExpr *Found = nullptr;
  auto ScopeIt = ScopeEnds.find(Var);
  const bool HasScope = ScopeIt != ScopeEnds.end();
  const SourceLocation ScopeEnd =
      HasScope ? SM->getExpansionLoc(ScopeIt->second) : SourceLocation();
  auto Visit = [&](const Stmt *S, bool &EndPath) {
    if (declares(S, Var)) {
      EndPath = true;
      return false;
    }
    // Past the end of the variable's scope nothing can use it, and coming
    // back into the scope passes its declaration.
    if (HasScope && SM->isBeforeInTranslationUnit(
                        ScopeEnd, SM->getExpansionLoc(S->getBeginLoc()))) {
      EndPath = true;
      return false;
    }
    if (IsBarrier(S)) {
      EndPath = true;
      return false;
    }
    // `it = c.erase(it)` on a class iterator evaluates `it` first and
    // assigns last: the kill is the operator call.
    if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(S);
        KillOnAssign && Assign && Assign->getOperator() == OO_Equal &&
        Assign->getNumArgs() == 2 && refersTo(Assign->getArg(0), Var)) {
      EndPath = true;
      return false;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(S);
    if (!Ref || Ref->getDecl()->getCanonicalDecl() != Var->getCanonicalDecl())
      return false;
    if (KillOnAssign && Reassigned.contains(Ref)) {
      EndPath = true;
      return false;
    }
    if (!IsUse(Ref))
      return false;
    Found = Ref;
    return true;
  };
  walkFrom(From, Visit, /*AtExit=*/nullptr, StopAtLoopHeads);
  return Found;
}

const FunctionFlow *FunctionFlowCache::get(const FunctionDecl *FD,
                                           ASTContext &Ctx) {
  auto [It, Inserted] = Flows.try_emplace(FD);
  if (Inserted)
    It->second = FunctionFlow::build(FD, Ctx, Model);
  return It->second.get();
}

bool FunctionFlow::reachesAvoiding(
    const Stmt *From, llvm::function_ref<bool(const Stmt *)> IsTarget,
    llvm::function_ref<bool(const Stmt *)> IsBarrier, bool ToExit) const {
  if (!ensureGraph() || (From && !Positions.count(From)))
    return true;
  bool Found = false;
  walkFrom(
      From,
      [&](const Stmt *S, bool &EndPath) {
        if (IsBarrier(S)) {
          EndPath = true;
          return false;
        }
        return Found = IsTarget(S);
      },
      [&] { return Found = ToExit; });
  return Found;
}

bool FunctionFlow::reaches(const Stmt *From, const Stmt *To) const {
  bool Found = false;
  walkFrom(From, [&](const Stmt *S, bool &) { return Found = (S == To); });
  return Found;
}

} // namespace clang::tidy::containers
