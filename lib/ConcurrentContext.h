//===- ConcurrentContext.h - callables that run concurrently with their ---===//
//                           creator
//
// Design note. A concurrent start is an expression that hands a callable to
// something that may run it on another thread while the creating function
// goes on:
// - a `std::thread` or `std::jthread` construction (the first argument), also
//   through `emplace_back`/`emplace`/`push_back` on a container of threads
//   (`workers.emplace_back([&] { ... })` constructs the thread inside);
// - `std::async` unless the policy is exactly `std::launch::deferred` (the
//   default policy and `async | deferred` may run on another thread);
// - a call to an executor function named in the shared option
//   `containers.ExecutorFunctions` (Asio-style `post`/`dispatch`/`defer`,
//   pool-style `submit`/`enqueue`/`execute`/`schedule`/`run_async`), matched
//   only when one of its arguments is callable (a lambda, a class with
//   `operator()`, a function pointer, a `std::function`).
//
// The matcher is anchored on those names only, so it costs one name test per
// construct/call of the TU; the semantic tests (the launch policy, which
// argument is the callable) run in match() on the few expressions it finds.
//
// Simplifications, on purpose:
// - An executor entry is a name: a plain name (`post`) matches a function or
//   member function of that name in any scope; a qualified one
//   (`boost::asio::post`, `ThreadPool::submit`) matches that function only.
//   Whether the executor really runs the callable on another thread is not
//   known: listing a name says it does.
// - The callable is followed to a lambda through one local variable
//   initialised with it (`auto task = [&] {...}; std::thread t(task);`), or
//   to the function it names: `f`, `&C::run` with the object after it, or
//   the same as the first arguments of `std::bind`/`boost::bind`. Other
//   callables (a `std::function` variable, a functor object) name neither.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_CONCURRENTCONTEXT_H
#define CONTAINERS_TIDY_LIB_CONCURRENTCONTEXT_H

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::containers {

enum class StartKind : unsigned char {
  Thread,   ///< std::thread / std::jthread
  Async,    ///< std::async without launch::deferred
  Executor, ///< a function named in containers.ExecutorFunctions
};

struct ConcurrentStart {
  StartKind Kind = StartKind::Thread;
  /// The thread construction, `emplace_back` on a container of threads,
  /// `std::async` call or executor call.
  const Expr *Starter = nullptr;
  /// The callable argument, with parens, casts, temporaries and copies
  /// stripped.
  const Expr *Callable = nullptr;
  /// The lambda the callable is, directly or through one local variable
  /// initialised with it; null otherwise.
  const LambdaExpr *Lambda = nullptr;
  /// The function the callable names when it is not a lambda: `f` or
  /// `&C::run` given directly, or as the first argument of `std::bind` /
  /// `boost::bind`; null otherwise.
  const FunctionDecl *Function = nullptr;
  /// Function is a member function called on `this` (the argument after it
  /// is `this`: `std::thread(&C::run, this)`, `std::bind(&C::run, this)`).
  bool OnThis = false;
  /// For messages: "std::thread", "std::jthread", "std::async", or the
  /// executor function's name as declared ("post", "submit").
  std::string Name;
  /// Where to point a note: the start of the starter expression.
  SourceLocation Loc;
};

class ConcurrentContext {
public:
  /// The default of `containers.ExecutorFunctions`.
  static constexpr llvm::StringLiteral DefaultExecutorFunctions =
      "post;dispatch;defer;submit;enqueue;execute;schedule;run_async";

  ConcurrentContext();

  /// Sets the executor names from the option value (`;`-separated names,
  /// optionally qualified). On a malformed entry returns false, sets \p Error
  /// to a message naming it and keeps the defaults.
  bool setExecutorFunctions(llvm::StringRef Spec, std::string &Error);

  /// Matches every expression that may be a concurrent start, cheaply (by
  /// name); binds it as "concurrent-start". Call match() on the bound node.
  ast_matchers::StatementMatcher starterMatcher() const;
  /// The same as three matchers, one per node kind (constructions, calls,
  /// member calls), for a MatchFinder: a `stmt(anyOf(...))` would be tried
  /// on every statement of the translation unit. Starts written in system
  /// headers (the thread std::async makes) are not the program's.
  std::vector<ast_matchers::StatementMatcher> starterMatchers() const;

  /// The concurrent start \p E is, if it is one.
  std::optional<ConcurrentStart> match(const Expr *E) const;

private:
  std::vector<std::string> ExecutorNames;
};

/// Is \p T the type of something that can be called: a closure or other
/// class with `operator()`, a function pointer or reference, a pointer to
/// member function (`std::thread(&C::run, this)`), a `std::function`-like
/// wrapper?
bool isCallableType(QualType T);

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_CONCURRENTCONTEXT_H
