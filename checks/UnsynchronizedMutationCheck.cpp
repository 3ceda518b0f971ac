//===- UnsynchronizedMutationCheck.cpp - containers-unsynchronized-mutation
//===//
//
// Three rules, decided at the end of the translation unit from facts gathered
// during the traversal (each function's accesses from FunctionFlow, its locks
// from LockScope, both built once per function):
// 1. a container mutated with no lock held in a lambda that runs
//    concurrently with its creator (lib/ConcurrentContext), when the
//    container is shared with the creator and someone else touches it while
//    the lambda may run;
// 2. in a class with a mutex member, a member container accessed with that
//    mutex held somewhere is guarded; a mutation of it with no lock held
//    elsewhere (and an unlocked read, when someone mutates it) is reported;
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
          "'" + Part.trim().str() + "' is not a valid regex: " + RegexError);
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
  for (const StatementMatcher &Starter : Concurrent.starterMatchers())
    Finder->addMatcher(Starter, this);
  // Calls of private member functions: rule 2 exempts those only ever
  // called with the lock held.
  Finder->addMatcher(cxxMemberCallExpr(callee(cxxMethodDecl(isPrivate())),
                                       unless(isExpansionInSystemHeader()))
                         .bind("private"),
                     this);
}

bool UnsynchronizedMutationCheck::isMutexClass(const CXXRecordDecl *RD) {
  if (!RD || RD->isLambda() || RD->isDependentContext())
    return false;
  RD = RD->getDefinition();
  if (!RD)
    return false;
  auto [It, Inserted] = MutexClasses.try_emplace(RD, false);
  if (!Inserted)
    return It->second;
  bool Result = false;
  for (const FieldDecl *Field : RD->fields())
    Result |= Vocabulary.isMutex(Field->getType());
  for (const Decl *D : RD->decls())
    if (const auto *Var = dyn_cast<VarDecl>(D);
        Var && Var->isStaticDataMember())
      Result |= Vocabulary.isMutex(Var->getType());
  MutexClasses[RD] = Result;
  return Result;
}

/// The member function a lambda is written in, through nested lambdas.
static const CXXMethodDecl *enclosingMethod(const LambdaExpr *Lambda) {
  const DeclContext *DC = Lambda->getLambdaClass()->getDeclContext();
  for (unsigned Depth = 0; DC && Depth < 8; ++Depth) {
    const auto *Method = dyn_cast<CXXMethodDecl>(DC);
    if (!Method)
      return nullptr;
    if (!Method->getParent()->isLambda())
      return Method;
    DC = Method->getParent()->getDeclContext();
  }
  return nullptr;
}

void UnsynchronizedMutationCheck::check(
    const MatchFinder::MatchResult &Result) {
  // A TU that does not compile has a partial AST: say nothing about it.
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  Context = Result.Context;
  const auto &Nodes = Result.Nodes;
  if (const auto *Method = Nodes.getNodeAs<CXXMethodDecl>("method")) {
    // Templates are analysed through their instantiations.
    if (!Method->isDependentContext() && isMutexClass(Method->getParent()))
      Classes[Method->getParent()->getDefinition()].Methods.insert(Method);
    return;
  }
  if (const auto *Lambda = Nodes.getNodeAs<LambdaExpr>("lambda")) {
    if (const CXXMethodDecl *Method = enclosingMethod(Lambda);
        Method && !Method->isDependentContext() &&
        isMutexClass(Method->getParent()))
      Classes[Method->getParent()->getDefinition()].Lambdas.insert(Lambda);
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
    if (const CXXMethodDecl *Callee = Call->getMethodDecl())
      PrivateCalls[Callee->getCanonicalDecl()].push_back(Call);
    return;
  }
  if (const auto *E = Nodes.getNodeAs<Expr>("concurrent-start"))
    if (std::optional<ConcurrentStart> Start = Concurrent.match(E);
        Start && Start->Lambda &&
        !Start->Lambda->getCallOperator()->isDependentContext()) {
      StartOfLambda.try_emplace(Start->Lambda, Starts.size());
      Starts.push_back(std::move(*Start));
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

// --- rule 2: the class guard inferred from use
// -----------------------------------

struct UnsynchronizedMutationCheck::MemberAccess {
  const ContainerOperation *Op;
  /// The member function it is in (the enclosing one, for a lambda).
  const FunctionDecl *Function;
  /// In a lambda started concurrently: no contract of the enclosing
  /// function (constructor, locked suffix) covers it.
  bool Concurrent;
  bool Mutation;
  bool Held;                             ///< some lock (maybe) held
  const ValueDecl *GuardMutex = nullptr; ///< the class's mutex surely held
};

void UnsynchronizedMutationCheck::checkClass(const CXXRecordDecl *RD,
                                             const ClassInfo &Info) {
  // The lock state of a statement of \p FD, or nothing when unknown. A
  // lambda that is not started concurrently runs, as far as one can tell,
  // where it is created: the locks held there count, and without a lock
  // its accesses are unknown (a helper may take the lock around it).
  struct State {
    bool Known = false, Held = false;
    const HeldLock *Lock = nullptr;
  };
  auto GuardOf = [&](const LockSet *Set) -> const HeldLock * {
    if (!Set)
      return nullptr;
    for (const HeldLock &Lock : *Set)
      if ((Lock.Certain || Lock.Assumed) && Lock.Mutex &&
          Lock.Mutex->isMemberOfThis() &&
          Vocabulary.isMutex(Lock.Mutex->decl()->getType()))
        return &Lock;
    return nullptr;
  };
  auto StateIn = [&](const FunctionDecl *FD, const LambdaExpr *Lambda,
                     const Stmt *S) {
    State Result;
    const LockScope *Scope = Locks.get(FD);
    const LockSet *Set = Scope ? Scope->heldAt(S) : nullptr;
    if (!Set)
      return Result;
    Result.Known = true;
    Result.Held = !Set->empty();
    Result.Lock = GuardOf(Set);
    if (!Lambda || StartOfLambda.count(Lambda))
      return Result;
    const auto *Creator =
        dyn_cast<FunctionDecl>(Lambda->getLambdaClass()->getDeclContext());
    const LockScope *Outer = Creator ? Locks.get(Creator) : nullptr;
    const LockSet *OuterSet = Outer ? Outer->heldAt(Lambda) : nullptr;
    if (OuterSet && !OuterSet->empty()) {
      Result.Held = true;
      if (!Result.Lock)
        Result.Lock = GuardOf(OuterSet);
    }
    if (!Result.Held)
      Result.Known = false;
    return Result;
  };

  // Which functions run with the lock held by contract: annotated ones,
  // the LockedSuffixes, and private ones only called with a lock held.
  llvm::DenseSet<const FunctionDecl *> Exempt;
  for (const FunctionDecl *FD : Info.Methods) {
    const LockScope *Scope = Locks.get(FD);
    if (isa<CXXConstructorDecl, CXXDestructorDecl>(FD) || hasLockedSuffix(FD) ||
        (Scope && Scope->isAnnotated()))
      Exempt.insert(FD->getCanonicalDecl());
  }
  // Where a call is made: a member function or a lambda of this class.
  auto CallState = [&](const CXXMemberCallExpr *Call,
                       const FunctionDecl *&Caller) {
    for (const FunctionDecl *FD : Info.Methods)
      if (const LockScope *Scope = Locks.get(FD);
          Scope && Scope->heldAt(Call)) {
        Caller = FD;
        return StateIn(FD, nullptr, Call);
      }
    for (const LambdaExpr *Lambda : Info.Lambdas)
      if (const LockScope *Scope = Locks.get(Lambda->getCallOperator());
          Scope && Scope->heldAt(Call)) {
        Caller = enclosingMethod(Lambda);
        return StateIn(Lambda->getCallOperator(), Lambda, Call);
      }
    Caller = nullptr;
    return State();
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const FunctionDecl *FD : Info.Methods) {
      const auto *Method = cast<CXXMethodDecl>(FD);
      if (Method->getAccess() != AS_private ||
          Exempt.contains(FD->getCanonicalDecl()))
        continue;
      unsigned Calls = 0;
      bool AllLocked = true;
      for (const CXXMemberCallExpr *Call :
           PrivateCalls.lookup(Method->getCanonicalDecl())) {
        ++Calls;
        const FunctionDecl *Caller = nullptr;
        State S = CallState(Call, Caller);
        if (!(S.Known && S.Held) &&
            !(Caller && Exempt.contains(Caller->getCanonicalDecl())))
          AllLocked = false;
      }
      if (Calls > 0 && AllLocked) {
        Exempt.insert(FD->getCanonicalDecl());
        Changed = true;
      }
    }
  }

  // The inventory: every access to a member container of this class.
  llvm::MapVector<const ValueDecl *, std::vector<MemberAccess>> Inventory;
  auto Collect = [&](const FunctionDecl *FD, const LambdaExpr *Lambda,
                     const FunctionDecl *Member) {
    const FunctionFlow *Flow = Flows.get(FD, *Context);
    if (!Flow)
      return;
    for (const ContainerOperation &Op : Flow->accesses()) {
      const auto *Field = dyn_cast_or_null<FieldDecl>(Op.Container.decl());
      if (!Op.Container.isMemberOfThis() || !Field ||
          Field->getParent()->getDefinition() != RD ||
          isThreadSafe(Op.Container))
        continue;
      State S = StateIn(FD, Lambda, Op.Call);
      if (!S.Known)
        continue;
      Inventory[Field].push_back(
          {&Op, Member, Lambda && StartOfLambda.count(Lambda), isMutation(Op),
           S.Held, S.Lock ? S.Lock->Mutex->decl() : nullptr});
    }
  };
  for (const FunctionDecl *FD : Info.Methods)
    Collect(FD, nullptr, FD);
  for (const LambdaExpr *Lambda : Info.Lambdas)
    if (const CXXMethodDecl *Member = enclosingMethod(Lambda))
      Collect(Lambda->getCallOperator(), Lambda, Member);

  // One warning per function and container (the missing lock is one bug):
  // its first unlocked mutation, else its first unlocked read.
  llvm::DenseSet<std::pair<const FunctionDecl *, const ValueDecl *>> Done;
  for (const auto &[Field, Accesses] : Inventory) {
    for (bool Mutations : {true, false})
      for (const MemberAccess &Access : Accesses) {
        if (Access.Mutation != Mutations ||
            Done.contains({Access.Function, Field}))
          continue;
        if (Access.Held ||
            (!Access.Concurrent &&
             Exempt.contains(Access.Function->getCanonicalDecl())) ||
            (!Access.Mutation && !FlagUnlockedReads))
          continue;
        // The evidence: an access with the class's mutex held, in another
        // member function if there is one.
        const MemberAccess *Guarded = nullptr;
        for (const MemberAccess &Other : Accesses)
          if (Other.GuardMutex &&
              (!Guarded || (Guarded->Function == Access.Function &&
                            Other.Function != Access.Function)))
            Guarded = &Other;
        if (!Guarded)
          continue;
        const MemberAccess *Writer = nullptr;
        if (!Access.Mutation) {
          // Preferably not the guarded access itself, for a second note.
          for (const MemberAccess &Other : Accesses)
            if (Other.Mutation && Other.Function != Access.Function &&
                !isa<CXXConstructorDecl, CXXDestructorDecl>(Other.Function) &&
                (!Writer || Writer == Guarded))
              Writer = &Other;
          if (!Writer)
            continue;
        }
        Done.insert({Access.Function, Field});
        if (!firstReport(*Access.Op))
          continue;
        std::string Container = Access.Op->Container.name();
        std::string Mutex = Guarded->GuardMutex->getName().str();
        if (Access.Mutation)
          diag(Access.Op->Loc, "'%0' is modified by '%1' without holding "
                               "'%2', which guards it in '%3'")
              << Container << Access.Op->Name << Mutex
              << functionName(Guarded->Function);
        else
          diag(Access.Op->Loc, "'%0' is read by '%1' without holding '%2', "
                               "which guards it in '%3', while '%4' modifies "
                               "it")
              << Container << Access.Op->Name << Mutex
              << functionName(Guarded->Function)
              << functionName(Writer->Function);
        diag(Guarded->Op->Loc, "'%0' is accessed with '%1' held here",
             DiagnosticIDs::Note)
            << Container << Mutex;
        if (Writer && Writer != Guarded)
          diag(Writer->Op->Loc, "'%0' is modified here", DiagnosticIDs::Note)
              << Container;
      }
  }
}

// --- rule 1: a concurrent callable
// ------------------------------------------------

/// Facts about the function that starts concurrent callables: the calls
/// that wait for them, and where each start's handle lives.
class UnsynchronizedMutationCheck::CreatorFacts {
public:
  explicit CreatorFacts(const FunctionDecl *FD) {
    walk(FD->getBody(), nullptr);
  }

  /// Calls that wait for a thread or task: `join`, `wait*`, `get` on a
  /// future.
  std::vector<const Stmt *> Waits;
  /// The statement or declaration directly around each expression.
  llvm::DenseMap<const Stmt *, const Stmt *> Parent;
  llvm::DenseMap<const Expr *, const VarDecl *> InitOf;

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

/// How a start shares \p Container with its creator: by reference, through
/// `this` or a pointer, or static storage; false for a copy or a local.
static bool isShared(const ContainerRef &Container, const LambdaExpr *Lambda) {
  const ValueDecl *Root = Container.root();
  if (!Root) {
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

void UnsynchronizedMutationCheck::checkStart(const ConcurrentStart &Start) {
  const LambdaExpr *Lambda = Start.Lambda;
  const auto *Creator =
      dyn_cast<FunctionDecl>(Lambda->getLambdaClass()->getDeclContext());
  if (!Creator || Creator->isDependentContext())
    return;
  const FunctionDecl *Body = Lambda->getCallOperator();
  const FunctionFlow *Flow = Flows.get(Body, *Context);
  const LockScope *Scope = Locks.get(Body);
  const FunctionFlow *CreatorFlow = Flows.get(Creator, *Context);
  if (!Flow || !Scope || !CreatorFlow)
    return;
  std::unique_ptr<CreatorFacts> &FactsPtr = Creators[Creator];
  if (!FactsPtr)
    FactsPtr = std::make_unique<CreatorFacts>(Creator);
  const CreatorFacts &Facts = *FactsPtr;

  // Where the handle of a jthread or std::async future lives: the creator
  // waits for it when it is destroyed.
  auto HandleOf = [&](const ConcurrentStart &S, bool &Discarded) {
    Discarded = false;
    // `threads.emplace_back(...)` keeps the thread in the container.
    if (isa<CXXMemberCallExpr>(S.Starter))
      return static_cast<const VarDecl *>(nullptr);
    auto It = Facts.InitOf.find(ignoreWrappers(S.Starter));
    if (It != Facts.InitOf.end())
      return It->second;
    // A temporary destroyed at the end of its full-expression.
    const Stmt *Up = Facts.Parent.lookup(S.Starter);
    while (Up && isa<ExprWithCleanups, MaterializeTemporaryExpr,
                     CXXBindTemporaryExpr, ImplicitCastExpr, ParenExpr>(Up))
      Up = Facts.Parent.lookup(Up);
    Discarded = !Up || isa<CompoundStmt>(Up);
    return static_cast<const VarDecl *>(nullptr);
  };
  // May \p S still run when \p At executes in the creator?
  auto RunningAt = [&](const ConcurrentStart &S, const Stmt *At) {
    if (!CreatorFlow->reaches(S.Starter, At))
      return false;
    const bool Joins =
        S.Kind == StartKind::Async ||
        (S.Kind == StartKind::Thread && S.Name == "std::jthread");
    if (Joins) {
      bool Discarded;
      const VarDecl *Handle = HandleOf(S, Discarded);
      if (Discarded)
        return false;
      if (Handle && (At == S.Starter || !CreatorFlow->inScopeOf(Handle, At)))
        return false;
    }
    for (const Stmt *Wait : Facts.Waits)
      if (CreatorFlow->reaches(S.Starter, Wait) &&
          CreatorFlow->reaches(Wait, At))
        return false;
    return true;
  };

  for (const ContainerOperation &Op : Flow->accesses()) {
    if (!isMutation(Op))
      continue;
    const LockSet *Held = Scope->heldAt(Op.Call);
    if (!Held || !Held->empty() || !isShared(Op.Container, Lambda) ||
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
    for (const ConcurrentStart &Other : Starts) {
      if (Other.Lambda->getLambdaClass()->getDeclContext() !=
          Lambda->getLambdaClass()->getDeclContext())
        continue;
      if (&Other == &Start) {
        Repeated |= RunningAt(Start, Start.Starter);
        continue;
      }
      if (!RunningAt(Start, Other.Starter) && !RunningAt(Other, Start.Starter))
        continue;
      if (Other.Lambda == Lambda) {
        Repeated = true;
        continue;
      }
      const FunctionFlow *OtherFlow =
          Flows.get(Other.Lambda->getCallOperator(), *Context);
      if (!OtherFlow)
        continue;
      for (const ContainerOperation &Access : OtherFlow->accesses())
        if (Access.Container == Op.Container &&
            isShared(Access.Container, Other.Lambda)) {
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
    std::string Runner = Start.Kind == StartKind::Thread
                             ? std::string("a thread")
                         : Start.Kind == StartKind::Async
                             ? std::string("an asynchronous task")
                             : "a callable passed to '" + Start.Name + "'";
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
}

void UnsynchronizedMutationCheck::onEndOfTranslationUnit() {
  if (Context && !Context->getDiagnostics().hasUncompilableErrorOccurred()) {
    // Definite races first, then the inferred guards, then the callables.
    llvm::SetVector<const FunctionDecl *> ReaderLockCandidates =
        LockingFunctions;
    for (const auto &[RD, Info] : Classes) {
      ReaderLockCandidates.insert(Info.Methods.begin(), Info.Methods.end());
      for (const LambdaExpr *Lambda : Info.Lambdas)
        ReaderLockCandidates.insert(Lambda->getCallOperator());
    }
    for (const FunctionDecl *FD : ReaderLockCandidates)
      checkReaderLocks(FD);
    for (const auto &[RD, Info] : Classes)
      checkClass(RD, Info);
    for (const ConcurrentStart &Start : Starts)
      checkStart(Start);
  }
  Flows.clear();
  Locks.clear();
  Reported.clear();
  MutexClasses.clear();
  Classes.clear();
  LockingFunctions.clear();
  Starts.clear();
  StartOfLambda.clear();
  PrivateCalls.clear();
  Creators.clear();
  Context = nullptr;
}

UnsynchronizedMutationCheck::~UnsynchronizedMutationCheck() = default;

} // namespace clang::tidy::containers
