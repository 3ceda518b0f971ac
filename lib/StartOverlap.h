//===- StartOverlap.h - may a started callable still run at a statement ---===//
//
// Design note. A concurrent start (lib/ConcurrentContext) runs its callable
// beside its creator from the start on. StartOverlap answers "may the
// callable still run when this later statement of the creator executes?":
// - not before the start, and not where the start cannot reach (CFG order
//   from FunctionFlow, so a start in a loop reaches its own next iteration);
// - not after a wait between the start and the statement: a call whose name
//   contains `join` or `wait`, or `get()` on a future;
// - for a `std::jthread` or the future of `std::async`, which wait when
//   destroyed: not outside the scope of the variable holding it, and not
//   after the statement of a discarded temporary.
// Facts about a creator (its waits, the variables its starts initialise,
// each expression's parent) come from one walk of its body, on the first
// question about it; lambdas in the body are not walked (their waits are
// theirs).
//
// Simplifications, on purpose: any wait counts, whatever it waits for, so a
// race may be hidden but never invented; a thread kept in a container
// (`threads.emplace_back(...)`) waits only where a wait is written.
// lib/LambdaEscape answers the same question per join object for lambdas;
// this one also serves starts of plain functions, which have no lambda.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_STARTOVERLAP_H
#define CONTAINERS_TIDY_LIB_STARTOVERLAP_H

#include "lib/ConcurrentContext.h"
#include "lib/FunctionFlow.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace clang::tidy::containers {

class StartOverlap {
public:
  explicit StartOverlap(FunctionFlowCache &Flows);
  ~StartOverlap();

  /// May the callable of \p Start, written in the body of \p Creator, still
  /// run when \p At, a statement of \p Creator, executes? False when the
  /// creator's flow cannot be built.
  bool mayRunAt(const ConcurrentStart &Start, const FunctionDecl *Creator,
                const Stmt *At, ASTContext &Ctx);

  void clear();

private:
  struct CreatorFacts;
  const CreatorFacts &factsFor(const FunctionDecl *Creator);

  FunctionFlowCache &Flows;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<CreatorFacts>> Facts;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_STARTOVERLAP_H
