//===- ClassGuards.h - which mutex guards which member container ----------===//
//
// Design note. In a class with a mutex member, the mutex that guards a
// member container is inferred from use, without annotations: the class's
// member functions (and the lambdas written in them) are collected during
// the traversal, and at the end of the translation unit every access to a
// member container of `this` is listed with the locks held at it
// (FunctionFlow for the accesses, LockScope for the locks, both built once
// per function).
//
// A container is *guarded* by a mutex M when the program shows that it means
// M to protect it, in the spirit of "bugs as deviant behaviour": either some
// member function modifies the container with M held, or the member
// functions that access it with M held are at least as many as those that
// access it with no lock held. One locked read among many unlocked accesses
// is not enough: the function may hold M for another member (a job queue)
// while it reads a container that only one thread ever touches.
//
// The accesses that break a guard are the unlocked ones outside:
// - constructors and destructors (nobody else can reach the object);
// - functions that hold the lock by contract: Clang thread-safety
//   annotations, names the caller says are locked (the check's
//   LockedSuffixes), and private member functions whose every call in the TU
//   is made with a lock held, or from such a function;
// - start-up code: the accesses of a member function that come before it
//   starts a concurrent callable (a thread, an async task, an executor
//   callable), when no earlier start of that function can reach them. Before
//   its threads exist, the object is its creator's alone. A private member
//   function called only from start-up code, or with a lock held, is
//   start-up code too.
// An unlocked mutation breaks the guard. An unlocked read does too when
// some other member function modifies the container, unless the reading
// function itself modifies it with the guard held: that is a writer, and a
// single-writer design reads without the lock in the writing thread (the
// lock protects the readers on other threads).
//
// Accesses inside a lambda that is started concurrently belong to no
// contract of the function that writes it; a lambda that is not started
// concurrently runs, as far as one can tell, where it is created: the locks
// held there count, and without a lock its accesses are unknown (a helper
// may take the lock around the call) and left out.
//
// Simplifications, on purpose: which thread runs a member function is not
// known, so a guarded container read without the lock in a function that
// happens to run only on the writing thread is still reported (FIXME:
// follow the functions a class's own thread calls); the start-up rule looks
// at one function's own order, not at its callers'.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_CLASSGUARDS_H
#define CONTAINERS_TIDY_LIB_CLASSGUARDS_H

#include "lib/ConcurrentContext.h"
#include "lib/FunctionFlow.h"
#include "lib/LockScope.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SetVector.h"
#include <optional>
#include <vector>

namespace clang::tidy::containers {

/// An access to a member container in a member function (or a lambda in
/// one), with its lock state.
struct MemberAccess {
  const ContainerOperation *Op = nullptr;
  /// The member function it is in (the enclosing one, for a lambda).
  const FunctionDecl *Function = nullptr;
  /// In a lambda started concurrently: no contract of the enclosing
  /// function (constructor, locked suffix, start-up) covers it.
  bool Concurrent = false;
  bool Mutation = false;
  bool Held = false;                     ///< some lock (maybe) held
  const ValueDecl *GuardMutex = nullptr; ///< a mutex of the class surely held
  bool StartUp = false;                  ///< before the function's threads
};

/// An unlocked access to a guarded member container.
struct GuardViolation {
  const FieldDecl *Container = nullptr;
  MemberAccess Access;
  /// The evidence: an access with the guard held, in another member
  /// function if there is one.
  MemberAccess Guarded;
  /// For a read: a modifying access in another member function.
  std::optional<MemberAccess> Writer;
};

/// What the caller decides: which operations modify, which containers are
/// left alone, which functions hold the lock by the caller's convention.
struct GuardPolicy {
  llvm::function_ref<bool(const ContainerOperation &)> IsMutation;
  llvm::function_ref<bool(const ContainerRef &)> IsIgnored;
  llvm::function_ref<bool(const FunctionDecl *)> IsLockedByName;
  bool FlagUnlockedReads = true;
};

class ClassGuards {
public:
  ClassGuards(FunctionFlowCache &Flows, LockScopeCache &Locks,
              const LockVocabulary &Vocabulary)
      : Flows(Flows), Locks(Locks), Vocabulary(Vocabulary) {}

  /// Does the class have a mutex data member (or static data member)?
  /// Cached per class.
  bool isMutexClass(const CXXRecordDecl *RD);

  /// What the traversal found: member function definitions, lambdas,
  /// calls of private member functions, concurrent starts. Templates are
  /// seen through their instantiations; classes without a mutex are
  /// dropped here.
  void addMethod(const CXXMethodDecl *Method);
  void addLambda(const LambdaExpr *Lambda);
  void addPrivateCall(const CXXMemberCallExpr *Call);
  /// \p WrittenIn: the function whose own body has the start (not a lambda
  /// in it), if known.
  void addStart(const ConcurrentStart &Start, const FunctionDecl *WrittenIn);

  /// The member functions and lambdas of the classes with a mutex.
  void forEachFunction(llvm::function_ref<void(const FunctionDecl *)> F) const;

  /// The accesses that break an inferred guard, over every class seen, in
  /// the order of the classes and of their member containers: one per
  /// function and container (its first unlocked mutation, else its first
  /// unlocked read).
  std::vector<GuardViolation> violations(const GuardPolicy &Policy,
                                         ASTContext &Ctx);

  void clear();

  /// The member function a lambda is written in, through nested lambdas.
  static const CXXMethodDecl *enclosingMethod(const LambdaExpr *Lambda);

private:
  struct ClassMembers {
    llvm::SetVector<const FunctionDecl *> Methods;
    llvm::SetVector<const LambdaExpr *> Lambdas;
  };
  struct State;
  State stateIn(const FunctionDecl *FD, const LambdaExpr *Lambda,
                const Stmt *S);
  const HeldLock *guardOf(const LockSet *Set) const;
  bool isStartUp(const FunctionDecl *FD, const Stmt *S, ASTContext &Ctx);
  llvm::DenseSet<const FunctionDecl *>
  exemptFunctions(const ClassMembers &Members, const GuardPolicy &Policy,
                  ASTContext &Ctx);
  void violationsIn(const CXXRecordDecl *RD, const ClassMembers &Members,
                    const GuardPolicy &Policy, ASTContext &Ctx,
                    std::vector<GuardViolation> &Out);

  FunctionFlowCache &Flows;
  LockScopeCache &Locks;
  const LockVocabulary &Vocabulary;
  llvm::DenseMap<const CXXRecordDecl *, bool> MutexClasses;
  llvm::MapVector<const CXXRecordDecl *, ClassMembers> Classes;
  /// Calls of private member functions, by callee.
  llvm::DenseMap<const CXXMethodDecl *,
                 llvm::SmallVector<const CXXMemberCallExpr *, 2>>
      PrivateCalls;
  /// Lambdas started concurrently.
  llvm::DenseSet<const LambdaExpr *> ConcurrentLambdas;
  /// The concurrent starts written directly in each function.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const Expr *, 1>>
      StartsIn;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_CLASSGUARDS_H
