//===- UnsynchronizedMutationCheck.cpp - containers-unsynchronized-mutation
//===//
//
// Three rules, decided at the end of the translation unit from facts gathered
// during the traversal (each function's accesses from FunctionFlow, its locks
// from LockScope, both built once per function):
// 1. a container mutated with no lock held in a callable that runs
//    concurrently with its creator (lib/ConcurrentContext: a lambda, or a
//    function defined in the TU), when the container is shared with the
//    creator and someone else touches it while the callable may run; and a
//    mutation by the creator, with no lock held, of a shared container the
//    callable reads while it may run;
// 2. in a class with a mutex member, the mutex that guards a member
//    container is inferred from use (lib/ClassGuards); an unlocked mutation
//    of it (and an unlocked read, when another function mutates it) is
//    reported;
// 3. a mutation while only a shared lock is held.
//
//===----------------------------------------------------------------------===//

#include "checks/UnsynchronizedMutationCheck.h"
#include "lib/ContainerAccess.h"
#include "lib/SharedOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {

static constexpr llvm::StringLiteral DefaultLockedSuffixes =
    "Locked;_locked;NoLock;_nolock";
static constexpr llvm::StringLiteral DefaultThreadSafeContainers =
    "tbb::concurrent_.*;folly::ConcurrentHashMap.*;folly::AtomicHashMap;"
    "boost::concurrent_flat_.*;boost::unordered::concurrent_flat_.*";

UnsynchronizedMutationCheck::UnsynchronizedMutationCheck(
    llvm::StringRef Name, ClangTidyContext *Context)
    : ContainersCheck(Name, Context),
      MutexTypes(readSharedOption(*Context, Name, "MutexTypes",
                                  LockVocabulary::DefaultMutexTypes,
                                  &MutexTypesKey)),
      LockTypes(readSharedOption(*Context, Name, "LockTypes",
                                 LockVocabulary::DefaultLockTypes,
                                 &LockTypesKey)),
      LockedSuffixes(Options.get("LockedSuffixes", DefaultLockedSuffixes)),
      ThreadSafeContainers(
          Options.get("ThreadSafeContainers", DefaultThreadSafeContainers)),
      ExecutorFunctions(readSharedOption(
          *Context, Name, "ExecutorFunctions",
          ConcurrentContext::DefaultExecutorFunctions, &ExecutorFunctionsKey)),
      FlagUnlockedReads(Options.get("FlagUnlockedReads", true)) {
  std::string Error;
  if (!Vocabulary.setMutexTypes(MutexTypes, Error))
    badOption(MutexTypesKey, MutexTypes, Error);
  if (!Vocabulary.setLockTypes(LockTypes, Error))
    badOption(LockTypesKey, LockTypes, Error);
  if (!Concurrent.setExecutorFunctions(ExecutorFunctions, Error))
    badOption(ExecutorFunctionsKey, ExecutorFunctions, Error);
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  llvm::StringRef(LockedSuffixes).split(Parts, ';', -1, false);
  for (llvm::StringRef Part : Parts)
    if (!Part.trim().empty())
      Suffixes.push_back(Part.trim().str());
  Parts.clear();
  llvm::StringRef(ThreadSafeContainers).split(Parts, ';', -1, false);
  for (llvm::StringRef Part : Parts) {
    if (Part.trim().empty())
      continue;
    llvm::Regex Regex(("^(" + Part.trim() + ")$").str());
    std::string RegexError;
    if (!Regex.isValid(RegexError)) {
      badOption("containers-unsynchronized-mutation.ThreadSafeContainers",
                ThreadSafeContainers,
                "'" + Part.trim().str() +
                    "' is not a valid regex: " + RegexError);
      continue;
    }
    ThreadSafePatterns.push_back(std::move(Regex));
  }
}

void UnsynchronizedMutationCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  ContainersCheck::storeOptions(Opts);
  Options.store(Opts, "MutexTypes", MutexTypes);
  Options.store(Opts, "LockTypes", LockTypes);
  Options.store(Opts, "LockedSuffixes", LockedSuffixes);
  Options.store(Opts, "ThreadSafeContainers", ThreadSafeContainers);
  Options.store(Opts, "ExecutorFunctions", ExecutorFunctions);
  Options.store(Opts, "FlagUnlockedReads", FlagUnlockedReads);
}

void UnsynchronizedMutationCheck::registerProgramMatchers(MatchFinder *Finder) {
  // Member function definitions; check() keeps those of classes with a
  // mutex member (tested once per class). The standard library's own
  // classes, functions and locals are not the program's: skipped.
  Finder->addMatcher(
      cxxMethodDecl(isDefinition(), unless(isExpansionInSystemHeader()))
          .bind("method"),
      this);
  // Lambdas, for those inside such member functions.
  Finder->addMatcher(
      lambdaExpr(unless(isExpansionInSystemHeader())).bind("lambda"), this);
  // Local variables of class type: the functions that declare a guard are
  // the ones where a shared lock can be held (rule 3).
  Finder->addMatcher(varDecl(hasLocalStorage(),
                             hasType(hasUnqualifiedDesugaredType(recordType())),
                             unless(isExpansionInSystemHeader()))
                         .bind("local"),
                     this);
  // Functions that run with a lock held by contract.
  Finder->addMatcher(
      functionDecl(isDefinition(), hasAttr(attr::RequiresCapability))
          .bind("shared-locker"),
      this);
  // Explicit `lock_shared()` calls (rare: the ancestor walk is cheap).
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasAnyName("lock_shared", "try_lock_shared"))),
          forCallable(functionDecl().bind("shared-locker"))),
      this);
  Position = TraversalPosition::shared(Finder);
  for (const StatementMatcher &Starter : Concurrent.starterMatchers())
    Finder->addMatcher(Starter, this);
  // Calls of private member functions: rule 2 exempts those only ever
  // called with the lock held.
  Finder->addMatcher(cxxMemberCallExpr(callee(cxxMethodDecl(isPrivate())),
                                       unless(isExpansionInSystemHeader()))
                         .bind("private"),
                     this);
}

void UnsynchronizedMutationCheck::check(
    const MatchFinder::MatchResult &Result) {
  // A TU that does not compile has a partial AST: say nothing about it.
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  Context = Result.Context;
  const auto &Nodes = Result.Nodes;
  if (const auto *Method = Nodes.getNodeAs<CXXMethodDecl>("method")) {
    Guards.addMethod(Method);
    return;
  }
  if (const auto *Lambda = Nodes.getNodeAs<LambdaExpr>("lambda")) {
    Guards.addLambda(Lambda);
    return;
  }
  if (const auto *Local = Nodes.getNodeAs<VarDecl>("local")) {
    bool Shared;
    if (Vocabulary.isGuard(Local->getType(), Shared))
      if (const auto *FD = dyn_cast<FunctionDecl>(Local->getDeclContext());
          FD && !FD->isDependentContext())
        LockingFunctions.insert(FD);
    return;
  }
  if (const auto *FD = Nodes.getNodeAs<FunctionDecl>("shared-locker")) {
    if (!FD->isDependentContext())
      LockingFunctions.insert(FD);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CXXMemberCallExpr>("private")) {
    Guards.addPrivateCall(Call);
    return;
  }
  if (const auto *E = Nodes.getNodeAs<Expr>("concurrent-start")) {
    std::optional<ConcurrentStart> Start = Concurrent.match(E);
    if (!Start)
      return;
    const FunctionDecl *WrittenIn =
        Position->functionContaining(E, Context->getSourceManager());
    if (WrittenIn && WrittenIn->isDependentContext())
      WrittenIn = nullptr;
    Guards.addStart(*Start, WrittenIn);
    // Rule 1 follows lambdas (created in their creator) and functions
    // defined in this TU (started from the function around the start).
    StartedCallable Started;
    if (Start->Lambda) {
      Started.Creator = dyn_cast<FunctionDecl>(
          Start->Lambda->getLambdaClass()->getDeclContext());
      Started.Body = Start->Lambda->getCallOperator();
      Started.Identity = Start->Lambda->getLambdaClass();
    } else if (Start->Function && Start->Function->getDefinition()) {
      Started.Creator = WrittenIn;
      Started.Body = Start->Function->getDefinition();
      Started.Identity = Started.Body->getCanonicalDecl();
    }
    if (Started.Creator && !Started.Creator->isDependentContext() &&
        !Started.Body->isDependentContext()) {
      Started.Start = std::move(*Start);
      Starts.push_back(std::move(Started));
    }
  }
}

bool UnsynchronizedMutationCheck::isMutation(
    const ContainerOperation &Op) const {
  return ContainerModel::modifiesContents(Op.Family, Op.Name);
}

bool UnsynchronizedMutationCheck::isThreadSafe(const ContainerRef &Container,
                                               bool OrAnnotated) const {
  const ValueDecl *D = Container.decl();
  if (!D)
    return false;
  // -Wthread-safety owns annotated members.
  if (OrAnnotated &&
      (D->hasAttr<GuardedByAttr>() || D->hasAttr<PtGuardedByAttr>()))
    return true;
  QualType T = D->getType().getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  const NamedDecl *Named = RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    Named = Spec->getSpecializedTemplate();
  std::string Name = ContainerModel::qualifiedName(Named);
  for (const llvm::Regex &Pattern : ThreadSafePatterns)
    if (Pattern.match(Name))
      return true;
  return false;
}

bool UnsynchronizedMutationCheck::hasLockedSuffix(
    const FunctionDecl *FD) const {
  if (!FD->getIdentifier())
    return false;
  llvm::StringRef Name = FD->getName();
  for (const std::string &Suffix : Suffixes)
    if (Name.size() > Suffix.size() &&
        Name.substr(Name.size() - Suffix.size()) == Suffix)
      return true;
  return false;
}

bool UnsynchronizedMutationCheck::firstReport(const ContainerOperation &Op) {
  return Reported.first(Op.Loc, Op.Call->getBeginLoc());
}

static std::string functionName(const FunctionDecl *FD) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(FD))
    return (Method->getParent()->getName() + "::" + Method->getName()).str();
  return FD->getNameAsString();
}

// --- rule 3: a write under a reader lock
// --------------------------------------

void UnsynchronizedMutationCheck::checkReaderLocks(const FunctionDecl *FD,
                                                   unsigned Depth) {
  const FunctionFlow *Flow = Flows.get(FD, *Context);
  const LockScope *Scope = Locks.get(FD);
  if (!Flow || !Scope || Depth > 8)
    return;
  // Lambdas are functions of their own, with their own locks.
  for (const LambdaExpr *Lambda : Scope->lambdas())
    checkReaderLocks(Lambda->getCallOperator(), Depth + 1);
  for (const ContainerOperation &Op : Flow->accesses()) {
    if (!isMutation(Op))
      continue;
    const HeldLock *Shared = Scope->onlySharedAt(Op.Call);
    // A container of the function's own is not shared with other readers.
    // (Annotated members too: containers-subscript-lookup leaves `m[k]`
    // under a shared lock to this rule, whatever the annotations.)
    if (!Shared || Op.Container.isLocalObject() ||
        isThreadSafe(Op.Container, /*OrAnnotated=*/false))
      continue;
    if (!firstReport(Op))
      continue;
    std::string Container = Op.Container.name();
    std::string Mutex = Shared->Mutex->name();
    if (Op.Name == "operator[]")
      diag(Op.Loc, "'%0' is modified by 'operator[]', which inserts a "
                   "missing key, while only a shared lock on '%1' is held; "
                   "other readers race with the write")
          << Container << Mutex;
    else
      diag(Op.Loc, "'%0' is modified by '%1' while only a shared lock on "
                   "'%2' is held; other readers race with the write")
          << Container << Op.Name << Mutex;
    diag(Shared->Loc, "the shared lock on '%0' is taken here",
         DiagnosticIDs::Note)
        << Mutex;
  }
}

// --- rule 2: the class guard inferred from use (lib/ClassGuards)
// ------------------

void UnsynchronizedMutationCheck::checkClassGuards() {
  auto IsMutation = [this](const ContainerOperation &Op) {
    return isMutation(Op);
  };
  auto IsIgnored = [this](const ContainerRef &Container) {
    return isThreadSafe(Container);
  };
  auto IsLockedByName = [this](const FunctionDecl *FD) {
    return hasLockedSuffix(FD);
  };
  GuardPolicy Policy{IsMutation, IsIgnored, IsLockedByName, FlagUnlockedReads};
  for (const GuardViolation &V : Guards.violations(Policy, *Context)) {
    const MemberAccess &Access = V.Access;
    if (!firstReport(*Access.Op))
      continue;
    std::string Container = Access.Op->Container.name();
    std::string Mutex = V.Guarded.GuardMutex->getName().str();
    if (Access.Mutation)
      diag(Access.Op->Loc, "'%0' is modified by '%1' without holding '%2', "
                           "which guards it in '%3'")
          << Container << Access.Op->Name << Mutex
          << functionName(V.Guarded.Function);
    else
      diag(Access.Op->Loc, "'%0' is read by '%1' without holding '%2', "
                           "which guards it in '%3', while '%4' modifies it")
          << Container << Access.Op->Name << Mutex
          << functionName(V.Guarded.Function)
          << functionName(V.Writer->Function);
    diag(V.Guarded.Op->Loc, "'%0' is accessed with '%1' held here",
         DiagnosticIDs::Note)
        << Container << Mutex;
    if (V.Writer && V.Writer->Op != V.Guarded.Op)
      diag(V.Writer->Op->Loc, "'%0' is modified here", DiagnosticIDs::Note)
          << Container;
  }
}

// --- rule 1: a concurrent callable
// ------------------------------------------------

/// How a started callable shares \p Container with its creator: by
/// reference, through `this` or a pointer, or static storage; false for a
/// copy or a local.
static bool isShared(const ContainerRef &Container,
                     const ConcurrentStart &Start) {
  const ValueDecl *Root = Container.root();
  const LambdaExpr *Lambda = Start.Lambda;
  if (!Root) {
    if (!Lambda)
      return Start.OnThis;
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesThis())
        return true;
    return false;
  }
  const auto *Var = dyn_cast<VarDecl>(Root);
  if (!Var)
    return false;
  if (Var->hasGlobalStorage())
    return true;
  if (!Lambda)
    return false; // a local or a parameter of the started function
  for (const LambdaCapture &Capture : Lambda->captures()) {
    if (!Capture.capturesVariable() ||
        Capture.getCapturedVar()->getCanonicalDecl() != Var)
      continue;
    if (Capture.getCaptureKind() == LCK_ByRef)
      return true;
    // A pointer copied into the lambda still points at the creator's object.
    return Var->getType()->isPointerType();
  }
  return false; // a local of the lambda, or a parameter of it
}

/// "a thread", "an asynchronous task", "a callable passed to 'post'".
static std::string runnerName(const ConcurrentStart &Start) {
  switch (Start.Kind) {
  case StartKind::Thread:
    return "a thread";
  case StartKind::Async:
    return "an asynchronous task";
  case StartKind::Executor:
    break;
  }
  return "a callable passed to '" + Start.Name + "'";
}

void UnsynchronizedMutationCheck::checkStart(const StartedCallable &Started) {
  const ConcurrentStart &Start = Started.Start;
  const FunctionDecl *Creator = Started.Creator;
  const FunctionFlow *Flow = Flows.get(Started.Body, *Context);
  const LockScope *Scope = Locks.get(Started.Body);
  const FunctionFlow *CreatorFlow = Flows.get(Creator, *Context);
  if (!Flow || !Scope || !CreatorFlow)
    return;
  auto RunningAt = [&](const ConcurrentStart &S, const Stmt *At) {
    return Overlap.mayRunAt(S, Creator, At, *Context);
  };

  for (const ContainerOperation &Op : Flow->accesses()) {
    if (!isMutation(Op))
      continue;
    const LockSet *Held = Scope->heldAt(Op.Call);
    if (!Held || !Held->empty() || !isShared(Op.Container, Start) ||
        isThreadSafe(Op.Container))
      continue;
    // Someone else touches the container while the callable may run.
    const ContainerOperation *CreatorAccess = nullptr;
    for (const ContainerOperation &Other : CreatorFlow->accesses())
      if (Other.Container == Op.Container && RunningAt(Start, Other.Call) &&
          (!CreatorAccess ||
           (isMutation(Other) && !isMutation(*CreatorAccess))))
        CreatorAccess = &Other;
    const ConcurrentStart *OtherStart = nullptr;
    const ContainerOperation *OtherAccess = nullptr;
    bool Repeated = false;
    for (const StartedCallable &OtherStarted : Starts) {
      const ConcurrentStart &Other = OtherStarted.Start;
      if (OtherStarted.Creator != Creator)
        continue;
      if (&Other == &Start) {
        Repeated |= RunningAt(Start, Start.Starter);
        continue;
      }
      if (!RunningAt(Start, Other.Starter) && !RunningAt(Other, Start.Starter))
        continue;
      if (OtherStarted.Identity == Started.Identity) {
        Repeated = true;
        continue;
      }
      const FunctionFlow *OtherFlow = Flows.get(OtherStarted.Body, *Context);
      if (!OtherFlow)
        continue;
      for (const ContainerOperation &Access : OtherFlow->accesses())
        if (Access.Container == Op.Container &&
            isShared(Access.Container, Other)) {
          OtherStart = &Other;
          OtherAccess = &Access;
          break;
        }
      if (OtherStart)
        break;
    }
    if ((!CreatorAccess && !OtherStart && !Repeated) || !firstReport(Op))
      continue;

    std::string Container = Op.Container.name();
    std::string Runner = runnerName(Start);
    if (CreatorAccess)
      diag(Op.Loc, "'%0' is modified by '%1' in %2 while the creating "
                   "function also %3 it; no lock is held")
          << Container << Op.Name << Runner
          << (isMutation(*CreatorAccess) ? "modifies" : "reads");
    else if (OtherStart)
      diag(Op.Loc, "'%0' is modified by '%1' in %2 while another concurrent "
                   "callable also %3 it; no lock is held")
          << Container << Op.Name << Runner
          << (isMutation(*OtherAccess) ? "modifies" : "reads");
    else
      diag(Op.Loc, "'%0' is modified by '%1' in %2 that is started more "
                   "than once; no lock is held")
          << Container << Op.Name << Runner;
    diag(Start.Loc, "it starts running here (%0)", DiagnosticIDs::Note)
        << Start.Name;
    if (CreatorAccess)
      diag(CreatorAccess->Loc, "the creating function accesses '%0' here",
           DiagnosticIDs::Note)
          << Container;
    else if (OtherStart) {
      diag(OtherStart->Loc, "another concurrent callable starts here (%0)",
           DiagnosticIDs::Note)
          << OtherStart->Name;
      diag(OtherAccess->Loc, "and accesses '%0' here", DiagnosticIDs::Note)
          << Container;
    }
  }

  // The other way round: the creating function modifies, with no lock held,
  // a shared container that the callable reads, with no lock held either,
  // and never modifies (its own mutations are reported above).
  const LockScope *CreatorScope = Locks.get(Creator);
  if (!CreatorScope)
    return;
  for (const ContainerOperation &Write : CreatorFlow->accesses()) {
    const LockSet *Held = CreatorScope->heldAt(Write.Call);
    if (!isMutation(Write) || !Held || !Held->empty() ||
        !RunningAt(Start, Write.Call))
      continue;
    const ContainerOperation *Read = nullptr;
    bool CallableWrites = false;
    for (const ContainerOperation &Access : Flow->accesses()) {
      if (!(Access.Container == Write.Container))
        continue;
      CallableWrites |= isMutation(Access);
      const LockSet *ReadHeld = Scope->heldAt(Access.Call);
      if (!Read && ReadHeld && ReadHeld->empty())
        Read = &Access;
    }
    if (!Read || CallableWrites || !isShared(Read->Container, Start) ||
        isThreadSafe(Write.Container) || !firstReport(Write))
      continue;
    std::string Container = Write.Container.name();
    diag(Write.Loc, "'%0' is modified by '%1' while %2 started earlier "
                    "reads it; no lock is held")
        << Container << Write.Name << runnerName(Start);
    diag(Start.Loc, "it starts running here (%0)", DiagnosticIDs::Note)
        << Start.Name;
    diag(Read->Loc, "and reads '%0' here", DiagnosticIDs::Note) << Container;
  }
}

void UnsynchronizedMutationCheck::onEndOfTranslationUnit() {
  if (Context && !Context->getDiagnostics().hasUncompilableErrorOccurred()) {
    // Definite races first, then the inferred guards, then the callables.
    llvm::SetVector<const FunctionDecl *> ReaderLockCandidates =
        LockingFunctions;
    Guards.forEachFunction(
        [&](const FunctionDecl *FD) { ReaderLockCandidates.insert(FD); });
    for (const FunctionDecl *FD : ReaderLockCandidates)
      checkReaderLocks(FD);
    checkClassGuards();
    for (const StartedCallable &Started : Starts)
      checkStart(Started);
  }
  Flows.clear();
  Locks.clear();
  Reported.clear();
  Guards.clear();
  LockingFunctions.clear();
  Starts.clear();
  Overlap.clear();
  Context = nullptr;
}

UnsynchronizedMutationCheck::~UnsynchronizedMutationCheck() = default;

} // namespace clang::tidy::containers
