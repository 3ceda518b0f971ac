//===- LambdaEscape.h - does a lambda outlive the statement creating it ---===//
//
// Design note. A lambda escapes when it may run after the full-expression
// that creates it, at a time its creator no longer controls:
// - it is stored into a type-erased callable (`std::function`,
//   `std::move_only_function`, `absl::AnyInvocable`, ...) that outlives the
//   function: a data member (`cb_ = [&] {...}`, `obj->cb = ...`), a variable
//   with static storage, a parameter's object, or an element of such a
//   container (`callbacks_[id] = ...`, `queue_.push_back(...)`,
//   `tasks_.emplace(...)` on a container of callables);
// - it is returned from the function (not from a lambda, whose caller is
//   usually the same function);
// - it is handed to something that runs it concurrently (ConcurrentContext:
//   thread/jthread construction, std::async, executor functions).
// The lambda is followed from the construct to the LambdaExpr through
// conversions to a type-erased callable, copies, std::move and one local
// variable initialised with it (`auto task = [&] {...}; queue_.push(task);`).
// Everything else does not escape: calling it in place, passing it to an
// algorithm, to std::invoke, or to any other function (which may store it,
// but a check cannot know; FIXME: follow calls whose body stores a
// parameter into a member).
//
// For a concurrent start, the join object is what can wait for it: the local
// `std::thread`/`std::jthread`/future initialised or assigned from the
// start, a local container the thread or future is emplaced into, or the
// executor object a task is posted to (`pool.submit(...)`,
// `post(io, ...)`). joinedBefore(E, S) says whether every path from the
// start to S passes a `join()`/`get()`/`wait()` (or `wait_all()`,
// `join_all()`, `wait_for_tasks()`) on it (for a container, a range-based
// for loop over it that calls one on the element; `if (t.joinable())
// t.join()` counts as a join), or whether S lies outside the scope of an
// object that waits in its destructor: a `std::jthread`, a future of
// std::async, or a local executor object (its tasks cannot outlive it).
// A std::async whose future is discarded blocks in the future's destructor
// at the end of the full-expression: it is not an escape.
//
// Facts are computed once per function, on the first question about one of
// its lambdas, in one walk of the body; nested lambdas are their own
// functions.
//
// For a join object that is a data member (`thread_ = std::thread(...)`,
// `pool_.submit(...)`), joinedBeforeDestroyed(E, M) says whether the start
// is joined before the class's data member M is destroyed: the destructor's
// body joins it on every path (members are destroyed after the body), or it
// is a `std::jthread` member declared after M (members are destroyed in
// reverse order of declaration, so it joins first). That protects M against
// destruction only, not against erasure by another member function.
//
// Simplifications, on purpose: a destination's lifetime is judged from its
// root only (`this`, a static, a reference or pointer parameter: long-lived;
// a local object: not, even if it is moved out later); a join in a loop over
// the container of threads is taken to join all of them.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_LAMBDAESCAPE_H
#define CONTAINERS_TIDY_LIB_LAMBDAESCAPE_H

#include "lib/ConcurrentContext.h"
#include "lib/FunctionFlow.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <string>

namespace clang::tidy::containers {

enum class EscapeKind : unsigned char {
  Thread,   ///< std::thread / std::jthread
  Async,    ///< std::async without launch::deferred
  Executor, ///< an executor function
  Stored,   ///< stored into a long-lived type-erased callable
  Returned, ///< returned from the function
};

struct Escape {
  EscapeKind Kind = EscapeKind::Stored;
  /// The function the lambda escapes from.
  const FunctionDecl *Function = nullptr;
  /// The construct the lambda escapes through (a CFG element of the
  /// function): the start, the assignment, the insertion call, the return.
  const Stmt *Site = nullptr;
  SourceLocation Loc;
  /// For messages: "std::thread", "post", the container or member stored
  /// into, the function returned from.
  std::string Destination;
  /// What can join the start: the local thread or future it went into, a
  /// local container of them, or the executor object it was posted to (a
  /// variable or a data member of `this`).
  const ValueDecl *JoinObject = nullptr;
  /// The join object joins when it is destroyed (jthread, async future).
  bool JoinsAtScopeEnd = false;

  bool isConcurrent() const {
    return Kind == EscapeKind::Thread || Kind == EscapeKind::Async ||
           Kind == EscapeKind::Executor;
  }
};

/// Is \p T a type-erased callable wrapper (`std::function` and kin)?
bool isTypeErasedCallable(QualType T);

class LambdaEscape {
public:
  LambdaEscape(FunctionFlowCache &Flows, const ConcurrentContext &Concurrent);
  ~LambdaEscape();

  /// The function whose body creates \p L (a lambda's call operator for a
  /// nested lambda); null outside functions and in uninstantiated templates.
  static const FunctionDecl *enclosingFunction(const LambdaExpr *L);

  /// Where \p L escapes to, or null when it does not.
  const Escape *escapes(const LambdaExpr *L, ASTContext &Ctx);

  /// Is the concurrent start \p E joined on every path from it to \p S?
  bool joinedBefore(const Escape &E, const Stmt *S, ASTContext &Ctx);

  /// May the thread or task of \p E still run when its function returns
  /// (always true for stored and returned lambdas)?
  bool outlivesFunction(const Escape &E, ASTContext &Ctx);

  /// Is the thread or task of \p E, whose join object is a data member of
  /// a class, joined before the data member \p Member of the same class is
  /// destroyed: on every path of the class's destructor body (members are
  /// destroyed after it), or by a `std::jthread` member declared after
  /// \p Member (members are destroyed in reverse order of declaration)?
  bool joinedBeforeDestroyed(const Escape &E, const FieldDecl *Member,
                             ASTContext &Ctx);

  /// Is \p S, a statement of \p Destructor (the destructor of the class
  /// whose data member is \p E's join object), after a join of that member
  /// on every path from the destructor's entry?
  bool joinedInDestructorBefore(const Escape &E, const FunctionDecl *Destructor,
                                const Stmt *S, ASTContext &Ctx);

  void clear();

  struct Facts;

private:
  Facts *factsFor(const FunctionDecl *FD, ASTContext &Ctx);

  FunctionFlowCache &Flows;
  const ConcurrentContext &Concurrent;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Facts>> PerFunction;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_LAMBDAESCAPE_H
