//===- LockScope.h - which locks are held at a statement ------------------===//
//
// Design note. A LockScope answers "which mutexes are held when this
// statement runs, shared or exclusive" for one function body. It is computed
// once, lazily, by one top-down walk of the body that keeps the set of held
// locks and records it at every statement:
// - a local guard object (`std::lock_guard`, `std::unique_lock`,
//   `std::scoped_lock` over several mutexes, `std::shared_lock`, user types
//   from the option `LockTypes`, classes marked `scoped_lockable`) holds its
//   mutex arguments from its declaration to the end of the enclosing scope;
//   `defer_lock` constructs it released; `unlock()`/`lock()` on it release
//   and re-take it; `try_to_lock` and `try_lock()` count as "maybe held";
// - `m.lock()`/`m.unlock()` (and `lock_shared`/`unlock_shared`, and methods
//   marked `acquire_capability`/`release_capability`) on a mutex open and
//   close a region; `std::lock(a, b)` takes both;
// - a function marked `requires_capability`/`requires_shared_capability`
//   (`REQUIRES`, `EXCLUSIVE_LOCKS_REQUIRED`, ...) holds those from entry.
// A mutex is a class matching the option `MutexTypes` (default: the
// standard mutexes) or marked `capability`. Mutex identity is the
// declaration chain of ContainerRef (`mu_`, `obj.mu`, `p->mu`), so
// `lock_guard g(mu_)` and `mu_.unlock()` name the same mutex.
//
// Control flow is structural: a branch that ends in `return`, `throw`,
// `break` or `continue` does not flow on, so early returns after
// `m.unlock()` are understood; where branches disagree (a lock taken or
// released in one branch only) the lock is "maybe held" after them. A loop
// body may run zero times. `goto` and exceptions are ignored.
//
// Simplifications, on purpose:
// - "Maybe held" counts as held when a caller asks whether *any* lock is held
//   (a report about a missing lock is then suppressed), and as not held when
//   a caller asks whether only a shared lock is *surely* held.
// - A guard whose mutex is not a named object (a moved-in lock, a factory
//   result) holds an unknown lock: it suppresses "no lock held" and is
//   treated as exclusive.
// - Lambda bodies are separate functions: a lambda does not inherit the
//   locks held where it is created (it may run later, elsewhere).
// - User guard types are exclusive unless their constructor is marked
//   `acquire_shared_capability`.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_LOCKSCOPE_H
#define CONTAINERS_TIDY_LIB_LOCKSCOPE_H

#include "lib/ContainerAccess.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::containers {

enum class LockMode : unsigned char { Exclusive, Shared };

/// A lock held at a statement.
struct HeldLock {
  /// The mutex; none when the guard's mutex has no identity.
  std::optional<ContainerRef> Mutex;
  LockMode Mode = LockMode::Exclusive;
  /// Where it is taken: the guard's declaration, the `lock()` call, or the
  /// function for a `requires_capability` attribute.
  SourceLocation Loc;
  /// False when it is held on some paths only (a branch, a try-lock).
  bool Certain = true;
  /// Assumed from the function's thread-safety attributes.
  bool Assumed = false;
};

using LockSet = llvm::SmallVector<HeldLock, 2>;

/// Which classes are mutexes and which are lock guards.
class LockVocabulary {
public:
  static constexpr llvm::StringLiteral DefaultMutexTypes =
      "std::mutex;std::recursive_mutex;std::timed_mutex;std::recursive_timed_"
      "mutex;std::shared_mutex;std::shared_timed_mutex";
  static constexpr llvm::StringLiteral DefaultLockTypes =
      "std::lock_guard;std::unique_lock;std::scoped_lock;std::shared_lock";

  LockVocabulary();
  /// `;`-separated regexes matched against the whole qualified name (inline
  /// namespaces removed). On an empty list or an invalid regex returns false,
  /// sets \p Error and keeps the previous value.
  bool setMutexTypes(llvm::StringRef Spec, std::string &Error);
  bool setLockTypes(llvm::StringRef Spec, std::string &Error);

  bool isMutex(QualType T) const;
  /// Is \p T a guard type; \p Shared tells whether it takes a shared lock.
  bool isGuard(QualType T, bool &Shared) const;

private:
  std::vector<llvm::Regex> MutexPatterns;
  std::vector<llvm::Regex> LockPatterns;
  mutable llvm::DenseMap<const Decl *, bool> MutexCache;
  mutable llvm::DenseMap<const Decl *, signed char> GuardCache;
};

class LockScope {
public:
  /// Null when \p FD has no body.
  static std::unique_ptr<LockScope> build(const FunctionDecl *FD,
                                          const LockVocabulary &Vocabulary);

  /// The locks held when \p S runs; null when \p S is not a statement of
  /// this body (outside it, or inside a lambda in it).
  const LockSet *heldAt(const Stmt *S) const;

  /// Is any lock (maybe) held at \p S? False when \p S is unknown.
  bool anyHeldAt(const Stmt *S) const;

  /// The shared lock surely held at \p S when no exclusive lock (and no
  /// unknown lock) may be held there; null otherwise.
  const HeldLock *onlySharedAt(const Stmt *S) const;

  /// Does the function carry a Clang thread-safety attribute
  /// (requires/acquire/release/assert capability, no_thread_safety_analysis)?
  bool isAnnotated() const { return Annotated; }

  /// The lambdas written in the body (not those nested in them).
  llvm::ArrayRef<const LambdaExpr *> lambdas() const { return Lambdas; }

private:
  friend class LockWalker;
  std::vector<LockSet> Sets; ///< Sets[0] is the empty set
  llvm::DenseMap<const Stmt *, unsigned> SetAt;
  std::vector<const LambdaExpr *> Lambdas;
  bool Annotated = false;
};

/// LockScopes of one translation unit, built on first request.
class LockScopeCache {
public:
  explicit LockScopeCache(const LockVocabulary &Vocabulary)
      : Vocabulary(Vocabulary) {}
  const LockScope *get(const FunctionDecl *FD);
  /// The LockScope of \p FD, or of a lambda nested in it, that has \p S as
  /// a statement of its own; null when none has.
  const LockScope *containing(const FunctionDecl *FD, const Stmt *S,
                              unsigned Depth = 0);
  void clear() { Scopes.clear(); }

private:
  const LockVocabulary &Vocabulary;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<LockScope>> Scopes;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_LOCKSCOPE_H
