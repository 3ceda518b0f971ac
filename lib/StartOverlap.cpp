//===- StartOverlap.cpp ---------------------------------------------------===//

#include "lib/StartOverlap.h"
#include "lib/ContainerAccess.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include <vector>

namespace clang::tidy::containers {

/// Facts about a function that starts concurrent callables: the calls that
/// wait for them, and where each start's handle lives.
struct StartOverlap::CreatorFacts {
  explicit CreatorFacts(const FunctionDecl *FD) {
    walk(FD->getBody(), nullptr);
  }

  /// Calls that wait for a thread or task: `join`, `wait*`, `get` on a
  /// future.
  std::vector<const Stmt *> Waits;
  /// The statement or declaration directly around each expression.
  llvm::DenseMap<const Stmt *, const Stmt *> Parent;
  /// The variable each initialiser (wrappers stripped) initialises.
  llvm::DenseMap<const Expr *, const VarDecl *> InitOf;

  /// The variable holding the thread or future \p Starter makes; sets
  /// \p Discarded when it is a temporary destroyed at the end of its
  /// statement.
  const VarDecl *handleOf(const Expr *Starter, bool &Discarded) const {
    Discarded = false;
    // `threads.emplace_back(...)` keeps the thread in the container.
    if (isa<CXXMemberCallExpr>(Starter))
      return nullptr;
    auto It = InitOf.find(ignoreWrappers(Starter));
    if (It != InitOf.end())
      return It->second;
    const Stmt *Up = Parent.lookup(Starter);
    while (Up && isa<ExprWithCleanups, MaterializeTemporaryExpr,
                     CXXBindTemporaryExpr, ImplicitCastExpr, ParenExpr>(Up))
      Up = Parent.lookup(Up);
    Discarded = !Up || isa<CompoundStmt>(Up);
    return nullptr;
  }

private:
  void walk(const Stmt *S, const Stmt *From) {
    if (!S)
      return;
    Parent.try_emplace(S, From);
    if (isa<LambdaExpr>(S))
      return;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->getInit())
          InitOf.try_emplace(ignoreWrappers(Var->getInit()), Var);
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
      if (const CXXMethodDecl *Method = Call->getMethodDecl();
          Method && Method->getIdentifier()) {
        std::string Name = Method->getName().lower();
        std::string Class = Method->getParent()->getName().lower();
        if (llvm::StringRef(Name).contains("join") ||
            llvm::StringRef(Name).contains("wait") ||
            (Name == "get" && llvm::StringRef(Class).contains("future")))
          Waits.push_back(Call);
      }
    for (const Stmt *Child : S->children())
      walk(Child, S);
  }
};

StartOverlap::StartOverlap(FunctionFlowCache &Flows) : Flows(Flows) {}
StartOverlap::~StartOverlap() = default;

const StartOverlap::CreatorFacts &
StartOverlap::factsFor(const FunctionDecl *Creator) {
  std::unique_ptr<CreatorFacts> &Entry = Facts[Creator];
  if (!Entry)
    Entry = std::make_unique<CreatorFacts>(Creator);
  return *Entry;
}

bool StartOverlap::mayRunAt(const ConcurrentStart &Start,
                            const FunctionDecl *Creator, const Stmt *At,
                            ASTContext &Ctx) {
  const FunctionFlow *Flow = Flows.get(Creator, Ctx);
  if (!Flow || !Flow->reaches(Start.Starter, At))
    return false;
  const CreatorFacts &F = factsFor(Creator);
  const bool WaitsWhenDestroyed =
      Start.Kind == StartKind::Async ||
      (Start.Kind == StartKind::Thread && Start.Name == "std::jthread");
  if (WaitsWhenDestroyed) {
    bool Discarded;
    const VarDecl *Handle = F.handleOf(Start.Starter, Discarded);
    if (Discarded)
      return false;
    if (Handle && (At == Start.Starter || !Flow->inScopeOf(Handle, At)))
      return false;
  }
  for (const Stmt *Wait : F.Waits)
    if (Flow->reaches(Start.Starter, Wait) && Flow->reaches(Wait, At))
      return false;
  return true;
}

void StartOverlap::clear() { Facts.clear(); }

} // namespace clang::tidy::containers
