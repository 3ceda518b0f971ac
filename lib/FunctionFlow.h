//===- FunctionFlow.h - per-function order facts, built once --------------===//
//
// Design note. Questions of the form "is X used after Y on some path" are
// answered on Clang's CFG of the enclosing function, built once per function
// (with every sub-expression as an element, in evaluation order) and cached
// by the check for the rest of the translation unit. Source offsets are never
// used for order.
//
// A variable's value is "killed" on a path by its declaration, an assignment
// to it, `&var`, or passing it to a non-const reference parameter (which may
// re-assign it); a reference is only killed by its declaration, because
// assigning through a reference writes the element. Kills are conservative
// on purpose: each one can only hide a report, never create one.
//
// "Unguarded" uses answer the opposite question: is there a path from a
// variable's declaration to a use on which nothing the caller calls a
// barrier (for an iterator: any other mention of it, an assert naming it)
// runs, and no loop head is passed? Entering a loop counts as a barrier
// because the path through a loop says nothing about how often, or whether,
// each of its statements runs before the use; the query may only miss uses,
// never invent one.
//
// The function's container operations that modify a container, and the
// moves out of a container, are collected in the same single walk of the
// body. Lambda bodies and local classes are
// their own functions and are not walked.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_FUNCTIONFLOW_H
#define CONTAINERS_TIDY_LIB_FUNCTIONFLOW_H

#include "lib/ContainerAccess.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>
#include <vector>

namespace clang::tidy::containers {

class FunctionFlow {
public:
  /// Null when the function has no body. The CFG is built on the first
  /// question about order, so functions with no candidate pay only one walk.
  static std::unique_ptr<FunctionFlow>
  build(const FunctionDecl *FD, ASTContext &Ctx, const ContainerModel &Model);

  /// The first use of \p Var that can execute after \p From, on a path where
  /// \p Var is not killed first; null when there is none. \p IsUse filters
  /// which references count as uses (e.g. only dereferences of a pointer).
  const DeclRefExpr *
  useAfter(const Stmt *From, const VarDecl *Var, bool KillOnAssign,
           llvm::function_ref<bool(const DeclRefExpr *)> IsUse) const;

  /// A use of the local \p Var that can execute after its declaration on a
  /// path where \p Var is not killed, no element satisfies \p IsBarrier,
  /// and no loop head (`for`/`while`/range-for condition) is passed; null
  /// when there is none or when the declaration is not in the graph.
  const DeclRefExpr *
  unguardedUse(const VarDecl *Var,
               llvm::function_ref<bool(const Stmt *)> IsBarrier,
               llvm::function_ref<bool(const DeclRefExpr *)> IsUse) const;

  /// Is \p S evaluated by this function itself (not in a lambda or a local
  /// class inside it, not in an unevaluated operand)?
  bool evaluates(const Stmt *S) const;

  /// Can \p S refer to \p Var: is it inside the scope of \p Var's
  /// declaration, after it? Operations outside cannot invalidate a handle
  /// before one of its uses (re-entering the scope passes the declaration),
  /// so this cheap test keeps per-handle work proportional to its scope.
  bool inScopeOf(const VarDecl *Var, const Stmt *S) const;

  /// Can \p To execute after \p From?
  bool reaches(const Stmt *From, const Stmt *To) const;

  /// Is there a path from \p From to a statement for which \p IsTarget holds
  /// (or, with \p ToExit, to the function's exit) that passes no statement
  /// for which \p IsBarrier holds? ("is the thread joined before S")
  /// A null \p From is the function's entry. Conservative: true when the
  /// graph cannot be built.
  bool reachesAvoiding(const Stmt *From,
                       llvm::function_ref<bool(const Stmt *)> IsTarget,
                       llvm::function_ref<bool(const Stmt *)> IsBarrier,
                       bool ToExit) const;

  /// Modifying container operations in the body, in source order.
  llvm::ArrayRef<ContainerOperation> operations() const { return Operations; }
  /// Every call on a known container in the body (lookups too).
  llvm::ArrayRef<ContainerOperation> accesses() const { return Accesses; }
  /// Moves out of a known container (ContainerOperation::matchMove), in
  /// source order.
  llvm::ArrayRef<ContainerOperation> moves() const { return Moves; }

  /// Is \p E the target of an assignment, compound assignment, `++` or
  /// `--` (`m[k] = v`, `m[k] += 1`)?
  bool isAssigned(const Expr *E) const { return Assigned.contains(E); }

  /// Is \p Ref the operand of `*`, `->` or `[]`?
  bool isDereferenced(const DeclRefExpr *Ref) const {
    return Dereferenced.contains(Ref);
  }

private:
  struct Position {
    const CFGBlock *Block;
    unsigned Index;
  };
  /// Walks forward from \p From; \p Visit returns true to stop the walk and
  /// false to go on; it gets the element and returns whether this path ends
  /// at it through \p EndPath. \p AtExit, when given, is called when a path
  /// reaches the function's exit and returns true to stop the walk.
  void walkFrom(const Stmt *From,
                llvm::function_ref<bool(const Stmt *, bool &EndPath)> Visit,
                llvm::function_ref<bool()> AtExit = nullptr,
                bool StopAtLoopHeads = false) const;

  /// The first use of \p Var after \p From on a path with no kill and no
  /// barrier; shared by useAfter and unguardedUse.
  const DeclRefExpr *
  firstUse(const Stmt *From, const VarDecl *Var, bool KillOnAssign,
           llvm::function_ref<bool(const Stmt *)> IsBarrier,
           bool StopAtLoopHeads,
           llvm::function_ref<bool(const DeclRefExpr *)> IsUse) const;

  /// Builds the CFG on first use; false if it cannot be built.
  bool ensureGraph() const;

  const FunctionDecl *Function = nullptr;
  ASTContext *Context = nullptr;
  const SourceManager *SM = nullptr;
  mutable bool GraphBuilt = false;
  mutable std::unique_ptr<CFG> Graph;
  /// Where the scope of each local variable ends.
  llvm::DenseMap<const VarDecl *, SourceLocation> ScopeEnds;
  mutable llvm::DenseMap<const Stmt *, Position> Positions;
  /// The graph's declaration element of each local variable.
  mutable llvm::DenseMap<const VarDecl *, const Stmt *> Declarations;
  std::vector<ContainerOperation> Operations;
  std::vector<ContainerOperation> Accesses;
  std::vector<ContainerOperation> Moves;
  /// DeclRefExprs whose evaluation may re-assign the variable.
  llvm::DenseSet<const DeclRefExpr *> Reassigned;
  llvm::DenseSet<const DeclRefExpr *> Dereferenced;
  llvm::DenseSet<const Expr *> Assigned;
};

/// FunctionFlows of one translation unit, built on first request; each check
/// keeps one and clears it at the end of the TU.
class FunctionFlowCache {
public:
  explicit FunctionFlowCache(const ContainerModel &Model) : Model(Model) {}
  /// Null when \p FD has no body.
  const FunctionFlow *get(const FunctionDecl *FD, ASTContext &Ctx);
  void clear() { Flows.clear(); }

private:
  const ContainerModel &Model;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionFlow>> Flows;
};

/// True the first time a report at a location about a subject (a loop, a
/// handle) is seen: a template instantiated twice reports once.
class ReportOnce {
public:
  bool first(SourceLocation Loc, SourceLocation Subject) {
    return Seen.insert({Loc.getRawEncoding(), Subject.getRawEncoding()}).second;
  }
  void clear() { Seen.clear(); }

private:
  llvm::DenseSet<std::pair<SourceLocation::UIntTy, SourceLocation::UIntTy>>
      Seen;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_FUNCTIONFLOW_H
