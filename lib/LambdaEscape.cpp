//===- LambdaEscape.cpp ---------------------------------------------------===//

#include "lib/LambdaEscape.h"
#include "lib/ContainerAccess.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::containers {

bool isTypeErasedCallable(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  const std::string Name = ContainerModel::qualifiedName(RD);
  for (llvm::StringRef Known :
       {"std::function", "std::move_only_function", "std::copyable_function",
        "boost::function", "absl::AnyInvocable", "folly::Function",
        "llvm::unique_function"})
    if (Name == Known)
      return true;
  return false;
}

namespace {

bool isClosureType(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isLambda();
}

/// The lambda \p E is, through conversions to a type-erased callable,
/// copies, std::move and one local variable initialised with it.
const LambdaExpr *resolveLambda(const Expr *E, bool &Erased) {
  unsigned VariablesFollowed = 0;
  for (unsigned Depth = 0; E && Depth < 10; ++Depth) {
    E = ignoreWrappers(E);
    if (const auto *L = dyn_cast<LambdaExpr>(E))
      return L;
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() < 1)
        return nullptr;
      if (isTypeErasedCallable(Construct->getType()))
        Erased = true;
      else if (!isClosureType(Construct->getType()))
        return nullptr;
      E = Construct->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || !Callee->isInStdNamespace() || !Callee->getIdentifier() ||
          Call->getNumArgs() != 1 ||
          (Callee->getName() != "move" && Callee->getName() != "forward"))
        return nullptr;
      E = Call->getArg(0);
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var || VariablesFollowed++ > 0 || !Var->hasLocalStorage() ||
          isa<ParmVarDecl>(Var) || Var->isInitCapture() || !Var->getInit())
        return nullptr;
      QualType T = Var->getType();
      if (isTypeErasedCallable(T))
        Erased = true;
      else if (!isClosureType(T))
        return nullptr;
      E = Var->getInit();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// The name of the object \p E denotes when it outlives the function: a
/// member of `this`, a variable with static storage, the object a reference
/// or pointer parameter refers to, or a member of one of them.
std::optional<std::string> longLivedObject(const Expr *E) {
  std::optional<ContainerRef> Ref = ContainerRef::fromExpr(E);
  if (!Ref)
    return std::nullopt;
  if (Ref->isMemberOfThis())
    return Ref->name();
  const auto *Root = dyn_cast_or_null<VarDecl>(Ref->root());
  if (!Root)
    return std::nullopt;
  if (Root->hasGlobalStorage())
    return Ref->name();
  if (isa<ParmVarDecl>(Root) &&
      (Root->getType()->isReferenceType() || Root->getType()->isPointerType()))
    return Ref->name();
  return std::nullopt;
}

/// Like longLivedObject, also for an element of such a container
/// (`callbacks_[id]`, `handlers_.back()`): the container's name.
std::optional<std::string> longLivedDestination(const Expr *E) {
  E = ignoreWrappers(E);
  if (isa<CallExpr>(E))
    if (const Expr *Object = memberCallObject(E))
      return longLivedObject(Object);
  return longLivedObject(E);
}

bool isInsertion(llvm::StringRef Name) {
  for (llvm::StringRef Known :
       {"push_back", "push_front", "emplace_back", "emplace_front", "push",
        "emplace", "insert", "emplace_hint", "try_emplace", "insert_or_assign"})
    if (Name == Known)
      return true;
  return false;
}

/// Does a container of type \p T hold type-erased callables (its
/// `value_type` or `mapped_type`)?
bool holdsCallables(QualType T, ASTContext &Ctx) {
  if (T->isPointerType())
    T = T->getPointeeType();
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  for (llvm::StringRef Member : {"value_type", "mapped_type"})
    for (const NamedDecl *D : RD->lookup(&Ctx.Idents.get(Member)))
      if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
        if (isTypeErasedCallable(TD->getUnderlyingType()))
          return true;
  return false;
}

/// The identity of a join object: a variable, or a data member of `this`.
const ValueDecl *joinIdentity(const Expr *E) {
  if (!E)
    return nullptr;
  E = ignoreWrappers(E);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      return Var->getCanonicalDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

/// A local object (not a reference, a parameter or a static): destroyed
/// when its scope ends.
bool isLocalObject(const ValueDecl *D) {
  const auto *Var = dyn_cast_or_null<VarDecl>(D);
  return Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
         !Var->getType()->isReferenceType();
}

bool isJoinName(llvm::StringRef Name) {
  for (llvm::StringRef Known : {"join", "get", "wait", "wait_all", "join_all",
                                "wait_for_tasks", "wait_for_all"})
    if (Name == Known)
      return true;
  return false;
}

/// The expression a start's result is, through copies and casts.
const Expr *stripToStart(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    E = ignoreCopy(E);
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    return E;
  }
  return E;
}

} // namespace

struct LambdaEscape::Facts {
  llvm::DenseMap<const LambdaExpr *, Escape> Escapes;
  /// Statements that join a join object: `t.join()`, `f.get()`,
  /// `pool.wait()`, the range statement of a loop joining every element of
  /// a container of threads.
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const Stmt *, 2>> Joins;
};

namespace {

class EscapeScanner : public RecursiveASTVisitor<EscapeScanner> {
public:
  EscapeScanner(const FunctionDecl *FD, ASTContext &Ctx,
                LambdaEscape::Facts &Facts,
                const llvm::DenseMap<const Expr *, const LambdaExpr *> &Starts)
      : FD(FD), Ctx(Ctx), Facts(Facts), Starts(Starts) {}

  // Lambdas and local classes are separate functions.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  /// Starts whose future is discarded: they run synchronously.
  llvm::SmallVector<const LambdaExpr *, 2> Synchronous;

  bool VisitCompoundStmt(CompoundStmt *Block) {
    // `std::async(std::launch::async, f);` blocks in the discarded future's
    // destructor.
    for (const Stmt *Child : Block->body())
      if (const auto *E = dyn_cast<Expr>(Child))
        if (Escape *Start = startOf(E);
            Start && Start->Kind == EscapeKind::Async)
          Synchronous.push_back(Starts.lookup(stripToStart(E)));
    return true;
  }

  bool VisitVarDecl(VarDecl *Var) {
    // `std::thread t(f);`, `auto fut = std::async(f);`
    if (Var->hasLocalStorage() && Var->getInit())
      if (Escape *Start = startOf(Var->getInit()))
        setJoinObject(*Start, Var->getCanonicalDecl());
    return true;
  }

  bool VisitCXXForRangeStmt(CXXForRangeStmt *Loop) {
    // `for (auto &t : workers) t.join();` joins every thread of `workers`.
    if (const VarDecl *LoopVar = Loop->getLoopVariable())
      if (const ValueDecl *Range = joinIdentity(Loop->getRangeInit()))
        LoopOver[LoopVar->getCanonicalDecl()] = {Range, Loop->getRangeStmt()};
    return true;
  }

  bool VisitIfStmt(IfStmt *If) {
    // `if (t.joinable()) t.join();` joins on the path where there is a
    // thread to join.
    const auto *Cond = dyn_cast_or_null<CXXMemberCallExpr>(
        If->getCond() ? ignoreWrappers(If->getCond()) : nullptr);
    const CXXMethodDecl *Method = Cond ? Cond->getMethodDecl() : nullptr;
    if (Method && Method->getIdentifier() &&
        (Method->getName() == "joinable" || Method->getName() == "valid"))
      addJoin(Cond->getImplicitObjectArgument(), Cond);
    return true;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    // `t = std::thread(f);`
    if (Call->getOperator() == OO_Equal && Call->getNumArgs() == 2)
      if (Escape *Start = startOf(Call->getArg(1)))
        if (const ValueDecl *Target = joinIdentity(Call->getArg(0)))
          setJoinObject(*Start, Target);
    // `cb_ = [&] {...}`, `callbacks_[id] = ...`
    if (Call->getOperator() != OO_Equal || Call->getNumArgs() != 2 ||
        !isTypeErasedCallable(Call->getArg(0)->getType()))
      return true;
    if (std::optional<std::string> Dest =
            longLivedDestination(Call->getArg(0))) {
      bool Erased = false;
      if (const LambdaExpr *L = resolveLambda(Call->getArg(1), Erased))
        record(L, EscapeKind::Stored, Call, Call->getOperatorLoc(), *Dest);
    }
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return true;
    const Expr *Object = Call->getImplicitObjectArgument();
    if (isJoinName(Method->getName())) {
      addJoin(Object, Call);
      return true;
    }
    if (!isInsertion(Method->getName()))
      return true;
    // `futures.push_back(std::async(f))`, `threads.push_back(std::thread(f))`
    for (const Expr *Arg : Call->arguments())
      if (Escape *Start = startOf(Arg))
        if (const ValueDecl *Target = joinIdentity(Object))
          setJoinObject(*Start, Target);
    // `queue_.push_back([&] {...})`, `handlers_.emplace(id, [&] {...})`
    std::optional<std::string> Dest = longLivedObject(Object);
    if (!Dest)
      return true;
    const bool Callables = holdsCallables(Object->getType(), Ctx);
    for (const Expr *Arg : Call->arguments()) {
      bool Erased = false;
      const LambdaExpr *L = resolveLambda(Arg, Erased);
      if (L && (Erased || Callables)) {
        SourceLocation Loc = Call->getExprLoc();
        if (const auto *ME = dyn_cast<MemberExpr>(Call->getCallee()))
          Loc = ME->getMemberLoc();
        record(L, EscapeKind::Stored, Call, Loc, *Dest);
      }
    }
    return true;
  }

  bool VisitDeclStmt(DeclStmt *DS) {
    // `static std::function<void()> handler = [&] {...};`
    for (const Decl *D : DS->decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (!Var || !Var->isStaticLocal() || !Var->getInit() ||
          !isTypeErasedCallable(Var->getType()))
        continue;
      bool Erased = false;
      if (const LambdaExpr *L = resolveLambda(Var->getInit(), Erased))
        record(L, EscapeKind::Stored, DS, Var->getLocation(),
               Var->getName().str());
    }
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *Return) {
    // A lambda's caller is usually the function that created the lambda:
    // what it returns is not known to escape.
    if (!Return->getRetValue() || isLambdaCallOperator(FD))
      return true;
    bool Erased = false;
    if (const LambdaExpr *L = resolveLambda(Return->getRetValue(), Erased))
      record(L, EscapeKind::Returned, Return, Return->getBeginLoc(),
             FD->getNameAsString());
    return true;
  }

private:
  /// The escape of the concurrent start \p E is, if any.
  Escape *startOf(const Expr *E) {
    const LambdaExpr *L = Starts.lookup(stripToStart(E));
    if (!L)
      return nullptr;
    auto It = Facts.Escapes.find(L);
    return It == Facts.Escapes.end() || !It->second.isConcurrent()
               ? nullptr
               : &It->second;
  }

  void setJoinObject(Escape &Start, const ValueDecl *Target) {
    Start.JoinObject = Target;
    // A jthread or std::async's future waits in its destructor; so does a
    // local container of them.
    Start.JoinsAtScopeEnd =
        isLocalObject(Target) && (Start.Kind == EscapeKind::Async ||
                                  Start.Destination == "std::jthread");
  }

  void addJoin(const Expr *Object, const Stmt *Join) {
    const ValueDecl *Target = joinIdentity(Object);
    if (!Target)
      return;
    Facts.Joins[Target].push_back(Join);
    auto Loop = LoopOver.find(Target);
    if (Loop != LoopOver.end())
      Facts.Joins[Loop->second.first].push_back(Loop->second.second);
  }

  void record(const LambdaExpr *L, EscapeKind Kind, const Stmt *Site,
              SourceLocation Loc, std::string Destination) {
    Escape E;
    E.Kind = Kind;
    E.Function = FD;
    E.Site = Site;
    E.Loc = Loc;
    E.Destination = std::move(Destination);
    Facts.Escapes.try_emplace(L, std::move(E));
  }

  const FunctionDecl *FD;
  ASTContext &Ctx;
  LambdaEscape::Facts &Facts;
  const llvm::DenseMap<const Expr *, const LambdaExpr *> &Starts;
  /// Range-for loop variable -> the join object iterated, the range
  /// statement.
  llvm::DenseMap<const ValueDecl *, std::pair<const ValueDecl *, const Stmt *>>
      LoopOver;
};

} // namespace

LambdaEscape::LambdaEscape(FunctionFlowCache &Flows,
                           const ConcurrentContext &Concurrent)
    : Flows(Flows), Concurrent(Concurrent) {}
LambdaEscape::~LambdaEscape() = default;

const FunctionDecl *LambdaEscape::enclosingFunction(const LambdaExpr *L) {
  const CXXRecordDecl *Closure = L->getLambdaClass();
  const auto *FD =
      Closure ? dyn_cast_or_null<FunctionDecl>(Closure->getDeclContext())
              : nullptr;
  if (!FD || FD->isDependentContext() || !FD->hasBody())
    return nullptr;
  return FD;
}

LambdaEscape::Facts *LambdaEscape::factsFor(const FunctionDecl *FD,
                                            ASTContext &Ctx) {
  auto [It, Inserted] = PerFunction.try_emplace(FD);
  if (!Inserted)
    return It->second.get();
  It->second = std::make_unique<Facts>();
  Facts &F = *It->second;
  Stmt *Body = FD->getBody();
  if (!Body)
    return &F;
  // The concurrent starts first (ConcurrentContext's matcher, over this
  // body only), then one walk for the other escapes and the join objects.
  llvm::DenseMap<const Expr *, const LambdaExpr *> Starts;
  using namespace ast_matchers;
  for (const BoundNodes &Nodes :
       match(findAll(Concurrent.starterMatcher()), *Body, Ctx)) {
    const auto *E = Nodes.getNodeAs<Expr>("concurrent-start");
    std::optional<ConcurrentStart> Start =
        E ? Concurrent.match(E) : std::nullopt;
    if (!Start)
      continue;
    bool Erased = false;
    const LambdaExpr *L =
        Start->Lambda ? Start->Lambda : resolveLambda(Start->Callable, Erased);
    // A start inside a nested lambda belongs to that lambda's function.
    if (!L || enclosingFunction(L) != FD)
      continue;
    Escape Esc;
    Esc.Kind = Start->Kind == StartKind::Thread  ? EscapeKind::Thread
               : Start->Kind == StartKind::Async ? EscapeKind::Async
                                                 : EscapeKind::Executor;
    Esc.Function = FD;
    Esc.Site = Start->Starter;
    Esc.Loc = Start->Loc;
    Esc.Destination = Start->Name;
    if (Esc.Kind == EscapeKind::Executor) {
      // The executor object: the object of a member call, else the first
      // argument that is not the callable (`post(io, f)`). Tasks posted to
      // a local executor cannot outlive it.
      const Expr *Executor = memberCallObject(Start->Starter);
      if (const auto *Call = dyn_cast<CallExpr>(Start->Starter);
          Call && !Executor)
        for (const Expr *Arg : Call->arguments())
          if (ignoreCopy(Arg) != Start->Callable) {
            Executor = Arg;
            break;
          }
      Esc.JoinObject = joinIdentity(Executor);
      Esc.JoinsAtScopeEnd = isLocalObject(Esc.JoinObject);
    }
    if (Esc.Kind == EscapeKind::Thread)
      // `workers.emplace_back(f)`: the container of threads joins.
      if (const Expr *Threads = memberCallObject(Start->Starter)) {
        Esc.JoinObject = joinIdentity(Threads);
        Esc.JoinsAtScopeEnd = isLocalObject(Esc.JoinObject) &&
                              Esc.Destination == "std::jthread";
      }
    if (!F.Escapes.try_emplace(L, std::move(Esc)).second)
      continue;
    Starts[stripToStart(Start->Starter)] = L;
  }
  EscapeScanner Scanner(FD, Ctx, F, Starts);
  Scanner.TraverseStmt(Body);
  for (const LambdaExpr *L : Scanner.Synchronous)
    F.Escapes.erase(L);
  return &F;
}

const Escape *LambdaEscape::escapes(const LambdaExpr *L, ASTContext &Ctx) {
  const FunctionDecl *FD = enclosingFunction(L);
  if (!FD)
    return nullptr;
  Facts *F = factsFor(FD, Ctx);
  auto It = F->Escapes.find(L);
  return It == F->Escapes.end() ? nullptr : &It->second;
}

bool LambdaEscape::joinedBefore(const Escape &E, const Stmt *S,
                                ASTContext &Ctx) {
  if (!E.isConcurrent() || !E.JoinObject)
    return false;
  const FunctionFlow *Flow = Flows.get(E.Function, Ctx);
  if (!Flow)
    return false;
  if (const auto *Var = dyn_cast<VarDecl>(E.JoinObject);
      Var && E.JoinsAtScopeEnd && !Flow->inScopeOf(Var, S))
    return true;
  auto IsJoin = [&, &Joins = factsFor(E.Function, Ctx)->Joins](const Stmt *X) {
    auto It = Joins.find(E.JoinObject);
    return It != Joins.end() && llvm::is_contained(It->second, X);
  };
  auto IsTarget = [&](const Stmt *X) { return X == S; };
  return !Flow->reachesAvoiding(E.Site, IsTarget, IsJoin, /*ToExit=*/false);
}

bool LambdaEscape::outlivesFunction(const Escape &E, ASTContext &Ctx) {
  if (!E.isConcurrent() || !E.JoinObject)
    return true;
  if (E.JoinsAtScopeEnd)
    return false;
  const FunctionFlow *Flow = Flows.get(E.Function, Ctx);
  if (!Flow)
    return true;
  auto IsJoin = [&, &Joins = factsFor(E.Function, Ctx)->Joins](const Stmt *X) {
    auto It = Joins.find(E.JoinObject);
    return It != Joins.end() && llvm::is_contained(It->second, X);
  };
  return Flow->reachesAvoiding(
      E.Site, [](const Stmt *) { return false; }, IsJoin, /*ToExit=*/true);
}

namespace {
bool isJThread(QualType T) {
  const auto *RD = T->getAsCXXRecordDecl();
  return RD && ContainerModel::qualifiedName(RD) == "std::jthread";
}

/// The destructor of \p RD with its body, if this TU defines one.
const FunctionDecl *destructorWithBody(const RecordDecl *RD) {
  const auto *Class = dyn_cast_or_null<CXXRecordDecl>(RD);
  const CXXDestructorDecl *Dtor =
      Class && Class->hasDefinition() ? Class->getDestructor() : nullptr;
  const FunctionDecl *Def = Dtor ? Dtor->getDefinition() : nullptr;
  if (!Def || !Def->getBody() || Def->isDependentContext())
    return nullptr;
  return Def;
}
} // namespace

bool LambdaEscape::joinedBeforeDestroyed(const Escape &E,
                                         const FieldDecl *Member,
                                         ASTContext &Ctx) {
  const auto *Joiner = dyn_cast_or_null<FieldDecl>(E.JoinObject);
  if (!E.isConcurrent() || !Joiner || !Member ||
      Joiner->getParent() != Member->getParent())
    return false;
  // A jthread member destroyed before the container joins in its own
  // destructor.
  if (isJThread(Joiner->getType()) &&
      Joiner->getFieldIndex() > Member->getFieldIndex())
    return true;
  const FunctionDecl *Dtor = destructorWithBody(Joiner->getParent());
  if (!Dtor)
    return false;
  const FunctionFlow *Flow = Flows.get(Dtor, Ctx);
  if (!Flow)
    return false;
  const auto &Joins = factsFor(Dtor, Ctx)->Joins;
  auto It = Joins.find(Joiner);
  if (It == Joins.end())
    return false;
  auto IsJoin = [&](const Stmt *X) {
    return llvm::is_contained(It->second, X);
  };
  return !Flow->reachesAvoiding(
      /*From=*/nullptr, [](const Stmt *) { return false; }, IsJoin,
      /*ToExit=*/true);
}

bool LambdaEscape::joinedInDestructorBefore(const Escape &E,
                                            const FunctionDecl *Destructor,
                                            const Stmt *S, ASTContext &Ctx) {
  const auto *Joiner = dyn_cast_or_null<FieldDecl>(E.JoinObject);
  if (!E.isConcurrent() || !Joiner || !Destructor ||
      destructorWithBody(Joiner->getParent()) != Destructor)
    return false;
  const FunctionFlow *Flow = Flows.get(Destructor, Ctx);
  if (!Flow || !Flow->evaluates(S))
    return false;
  const auto &Joins = factsFor(Destructor, Ctx)->Joins;
  auto It = Joins.find(Joiner);
  if (It == Joins.end())
    return false;
  auto IsJoin = [&](const Stmt *X) {
    return llvm::is_contained(It->second, X);
  };
  auto IsTarget = [&](const Stmt *X) { return X == S; };
  return !Flow->reachesAvoiding(/*From=*/nullptr, IsTarget, IsJoin,
                                /*ToExit=*/false);
}

void LambdaEscape::clear() { PerFunction.clear(); }

} // namespace clang::tidy::containers
