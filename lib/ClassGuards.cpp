//===- ClassGuards.cpp - which mutex guards which member container --------===//

#include "lib/ClassGuards.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::containers {

bool ClassGuards::isMutexClass(const CXXRecordDecl *RD) {
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

const CXXMethodDecl *ClassGuards::enclosingMethod(const LambdaExpr *Lambda) {
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

void ClassGuards::addMethod(const CXXMethodDecl *Method) {
  if (!Method->isDependentContext() && isMutexClass(Method->getParent()))
    Classes[Method->getParent()->getDefinition()].Methods.insert(Method);
}

void ClassGuards::addLambda(const LambdaExpr *Lambda) {
  if (const CXXMethodDecl *Method = enclosingMethod(Lambda);
      Method && !Method->isDependentContext() &&
      isMutexClass(Method->getParent()))
    Classes[Method->getParent()->getDefinition()].Lambdas.insert(Lambda);
}

void ClassGuards::addPrivateCall(const CXXMemberCallExpr *Call) {
  if (const CXXMethodDecl *Callee = Call->getMethodDecl())
    PrivateCalls[Callee->getCanonicalDecl()].push_back(Call);
}

void ClassGuards::addStart(const ConcurrentStart &Start,
                           const FunctionDecl *WrittenIn) {
  if (Start.Lambda)
    ConcurrentLambdas.insert(Start.Lambda);
  if (WrittenIn)
    StartsIn[WrittenIn].push_back(Start.Starter);
}

void ClassGuards::forEachFunction(
    llvm::function_ref<void(const FunctionDecl *)> F) const {
  for (const auto &[RD, Members] : Classes) {
    for (const FunctionDecl *FD : Members.Methods)
      F(FD);
    for (const LambdaExpr *Lambda : Members.Lambdas)
      F(Lambda->getCallOperator());
  }
}

const HeldLock *ClassGuards::guardOf(const LockSet *Set) const {
  if (!Set)
    return nullptr;
  for (const HeldLock &Lock : *Set)
    if ((Lock.Certain || Lock.Assumed) && Lock.Mutex &&
        Lock.Mutex->isMemberOfThis() &&
        Vocabulary.isMutex(Lock.Mutex->decl()->getType()))
      return &Lock;
  return nullptr;
}

/// The lock state of a statement, or nothing when unknown.
struct ClassGuards::State {
  bool Known = false, Held = false;
  const HeldLock *Lock = nullptr;
};

ClassGuards::State ClassGuards::stateIn(const FunctionDecl *FD,
                                        const LambdaExpr *Lambda,
                                        const Stmt *S) {
  State Result;
  const LockScope *Scope = Locks.get(FD);
  const LockSet *Set = Scope ? Scope->heldAt(S) : nullptr;
  if (!Set)
    return Result;
  Result.Known = true;
  Result.Held = !Set->empty();
  Result.Lock = guardOf(Set);
  if (!Lambda || ConcurrentLambdas.contains(Lambda))
    return Result;
  // A lambda that is not started concurrently runs where it is created.
  const auto *Creator =
      dyn_cast<FunctionDecl>(Lambda->getLambdaClass()->getDeclContext());
  const LockScope *Outer = Creator ? Locks.get(Creator) : nullptr;
  const LockSet *OuterSet = Outer ? Outer->heldAt(Lambda) : nullptr;
  if (OuterSet && !OuterSet->empty()) {
    Result.Held = true;
    if (!Result.Lock)
      Result.Lock = guardOf(OuterSet);
  }
  if (!Result.Held)
    Result.Known = false;
  return Result;
}

bool ClassGuards::isStartUp(const FunctionDecl *FD, const Stmt *S,
                            ASTContext &Ctx) {
  auto It = StartsIn.find(FD);
  if (It == StartsIn.end())
    return false;
  const FunctionFlow *Flow = Flows.get(FD, Ctx);
  if (!Flow)
    return false;
  bool BeforeAStart = false;
  for (const Expr *Starter : It->second) {
    // A start that can run before S (an earlier one, or one in a loop
    // around S) has its thread running at S already.
    if (Flow->reaches(Starter, S))
      return false;
    BeforeAStart |= Flow->reaches(S, Starter);
  }
  return BeforeAStart;
}

llvm::DenseSet<const FunctionDecl *>
ClassGuards::exemptFunctions(const ClassMembers &Members,
                             const GuardPolicy &Policy, ASTContext &Ctx) {
  llvm::DenseSet<const FunctionDecl *> Exempt;
  for (const FunctionDecl *FD : Members.Methods) {
    const LockScope *Scope = Locks.get(FD);
    if (isa<CXXConstructorDecl, CXXDestructorDecl>(FD) ||
        Policy.IsLockedByName(FD) || (Scope && Scope->isAnnotated()))
      Exempt.insert(FD->getCanonicalDecl());
  }
  // Where a call is made: in a member function (with its start-up order) or
  // in a lambda of this class. True when it is made with a lock held, in
  // start-up code, or from an exempt function.
  auto CoveredCall = [&](const CXXMemberCallExpr *Call) {
    for (const FunctionDecl *FD : Members.Methods)
      if (const LockScope *Scope = Locks.get(FD);
          Scope && Scope->heldAt(Call)) {
        State S = stateIn(FD, nullptr, Call);
        return (S.Known && S.Held) || isStartUp(FD, Call, Ctx) ||
               Exempt.contains(FD->getCanonicalDecl());
      }
    for (const LambdaExpr *Lambda : Members.Lambdas)
      if (const LockScope *Scope = Locks.get(Lambda->getCallOperator());
          Scope && Scope->heldAt(Call)) {
        State S = stateIn(Lambda->getCallOperator(), Lambda, Call);
        if (S.Known && S.Held)
          return true;
        const CXXMethodDecl *Caller = enclosingMethod(Lambda);
        return !ConcurrentLambdas.contains(Lambda) && Caller &&
               Exempt.contains(Caller->getCanonicalDecl());
      }
    return false;
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const FunctionDecl *FD : Members.Methods) {
      const auto *Method = cast<CXXMethodDecl>(FD);
      if (Method->getAccess() != AS_private ||
          Exempt.contains(FD->getCanonicalDecl()))
        continue;
      const auto &Calls = PrivateCalls.lookup(Method->getCanonicalDecl());
      if (!Calls.empty() && llvm::all_of(Calls, CoveredCall)) {
        Exempt.insert(FD->getCanonicalDecl());
        Changed = true;
      }
    }
  }
  return Exempt;
}

void ClassGuards::violationsIn(const CXXRecordDecl *RD,
                               const ClassMembers &Members,
                               const GuardPolicy &Policy, ASTContext &Ctx,
                               std::vector<GuardViolation> &Out) {
  llvm::DenseSet<const FunctionDecl *> Exempt =
      exemptFunctions(Members, Policy, Ctx);

  // The inventory: every access to a member container of this class.
  llvm::MapVector<const FieldDecl *, std::vector<MemberAccess>> Inventory;
  auto Collect = [&](const FunctionDecl *FD, const LambdaExpr *Lambda,
                     const FunctionDecl *Member) {
    const FunctionFlow *Flow = Flows.get(FD, Ctx);
    if (!Flow)
      return;
    for (const ContainerOperation &Op : Flow->accesses()) {
      const auto *Field = dyn_cast_or_null<FieldDecl>(Op.Container.decl());
      if (!Op.Container.isMemberOfThis() || !Field ||
          Field->getParent()->getDefinition() != RD ||
          Policy.IsIgnored(Op.Container))
        continue;
      State S = stateIn(FD, Lambda, Op.Call);
      if (!S.Known)
        continue;
      MemberAccess Access;
      Access.Op = &Op;
      Access.Function = Member;
      Access.Concurrent = Lambda && ConcurrentLambdas.contains(Lambda);
      Access.Mutation = Policy.IsMutation(Op);
      Access.Held = S.Held;
      Access.GuardMutex = S.Lock ? S.Lock->Mutex->decl() : nullptr;
      Access.StartUp = !Lambda && !S.Held && isStartUp(FD, Op.Call, Ctx);
      Inventory[Field].push_back(Access);
    }
  };
  for (const FunctionDecl *FD : Members.Methods)
    Collect(FD, nullptr, FD);
  for (const LambdaExpr *Lambda : Members.Lambdas)
    if (const CXXMethodDecl *Member = enclosingMethod(Lambda))
      Collect(Lambda->getCallOperator(), Lambda, Member);

  auto Covered = [&](const MemberAccess &Access) {
    return Access.Held ||
           (!Access.Concurrent &&
            (Access.StartUp ||
             Exempt.contains(Access.Function->getCanonicalDecl())));
  };
  for (const auto &[Field, Accesses] : Inventory) {
    // Is the container guarded, and by which mutex: the one most functions
    // hold around it, when one of them modifies it under that mutex or they
    // are at least as many as the functions that access it unlocked.
    llvm::SmallSetVector<const FunctionDecl *, 8> Unlocked;
    llvm::MapVector<const ValueDecl *,
                    llvm::SmallSetVector<const FunctionDecl *, 8>>
        LockedBy;
    llvm::DenseSet<const ValueDecl *> WrittenUnder;
    for (const MemberAccess &Access : Accesses) {
      if (Access.GuardMutex) {
        LockedBy[Access.GuardMutex].insert(Access.Function);
        if (Access.Mutation)
          WrittenUnder.insert(Access.GuardMutex);
      } else if (!Covered(Access)) {
        Unlocked.insert(Access.Function);
      }
    }
    const ValueDecl *Guard = nullptr;
    for (const auto &[Mutex, Functions] : LockedBy)
      if ((WrittenUnder.contains(Mutex) ||
           Functions.size() >= Unlocked.size()) &&
          (!Guard || Functions.size() > LockedBy[Guard].size()))
        Guard = Mutex;
    if (!Guard)
      continue;
    // Functions that modify the container with the guard held: writers.
    llvm::SmallPtrSet<const FunctionDecl *, 8> Writers;
    for (const MemberAccess &Access : Accesses)
      if (Access.Mutation && Access.GuardMutex == Guard)
        Writers.insert(Access.Function);

    // One violation per function and container (the missing lock is one
    // bug): its first unlocked mutation, else its first unlocked read.
    llvm::SmallPtrSet<const FunctionDecl *, 8> Done;
    for (bool Mutations : {true, false})
      for (const MemberAccess &Access : Accesses) {
        if (Access.Mutation != Mutations || Done.contains(Access.Function) ||
            Covered(Access) || (!Access.Mutation && !Policy.FlagUnlockedReads))
          continue;
        // A read in a writer: a single-writer design reads without the lock
        // in the writing thread.
        if (!Access.Mutation && Writers.contains(Access.Function))
          continue;
        // The evidence: an access with the guard held, in another member
        // function if there is one.
        const MemberAccess *Guarded = nullptr;
        for (const MemberAccess &Other : Accesses)
          if (Other.GuardMutex == Guard &&
              (!Guarded || (Guarded->Function == Access.Function &&
                            Other.Function != Access.Function)))
            Guarded = &Other;
        const MemberAccess *Writer = nullptr;
        if (!Access.Mutation) {
          // One that may run while the threads do (not in a constructor,
          // destructor or start-up code); preferably not the guarded access
          // itself, for a second note.
          for (const MemberAccess &Other : Accesses)
            if (Other.Mutation && Other.Function != Access.Function &&
                !isa<CXXConstructorDecl, CXXDestructorDecl>(Other.Function) &&
                !Other.StartUp && (!Writer || Writer == Guarded))
              Writer = &Other;
          if (!Writer)
            continue;
        }
        Done.insert(Access.Function);
        GuardViolation V{Field, Access, *Guarded, std::nullopt};
        if (Writer)
          V.Writer = *Writer;
        Out.push_back(std::move(V));
      }
  }
}

std::vector<GuardViolation> ClassGuards::violations(const GuardPolicy &Policy,
                                                    ASTContext &Ctx) {
  std::vector<GuardViolation> Out;
  for (const auto &[RD, Members] : Classes)
    violationsIn(RD, Members, Policy, Ctx, Out);
  return Out;
}

void ClassGuards::clear() {
  MutexClasses.clear();
  Classes.clear();
  PrivateCalls.clear();
  ConcurrentLambdas.clear();
  StartsIn.clear();
}

} // namespace clang::tidy::containers
