//===- LoopBody.h - what a loop body does, and whether it leaves ----------===//
//
// Design note. A range-for body is walked once, top-down, keeping the stack
// of statements from the loop down to each call; that stack answers "does
// control leave the loop right after this call?" without parent-map walks.
//
// "Leaves right after" is syntactic and conservative: after the call, on the
// way out through each enclosing compound statement up to the loop body, a
// later sibling is an unconditional exit (`break` that targets this loop,
// `return`, `co_return`, `throw`, `goto`, a call to a noreturn function, or a
// compound that ends in one), or the call is itself inside a `return`/`throw`.
// A `continue` for this loop seen first means "no". Anything the rule cannot
// see (an exit in only one branch of an `if`) counts as "does not leave", so
// the rule can only hide warnings it can prove safe.
//
// Lambda bodies are not walked: they do not run as part of the iteration.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_LOOPBODY_H
#define CONTAINERS_TIDY_LIB_LOOPBODY_H

#include "lib/ContainerAccess.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::containers {

/// Calls \p Visit for every call in \p Loop's body, with the statements from
/// the loop (first) down to the call (last).
void forEachCallInLoopBody(
    const Stmt *Loop, const Stmt *Body,
    llvm::function_ref<void(const CallExpr *, llvm::ArrayRef<const Stmt *>)>
        Visit);

/// Does control leave the loop \p Path[0] on every path right after the
/// statement \p Path.back() runs?
bool leavesLoopRightAfter(llvm::ArrayRef<const Stmt *> Path);

/// Does \p S contain a `continue` for the loop around it (one nested inside
/// \p S targets that nested loop and does not count)?
bool continuesEnclosingLoop(const Stmt *S);

/// Does \p E name the element \p Loop is visiting: the loop variable, one of
/// its structured bindings, a member of it, `c.find(<visited key>)`, or a
/// local variable initialised from one of those?
bool isVisitedElement(const Expr *E, const CXXForRangeStmt *Loop,
                      unsigned Depth = 0);

/// Is \p E exactly the visited element's key (`kv.first`, or the first
/// structured binding), so that looking it up cannot insert?
bool isVisitedKey(const Expr *E, const CXXForRangeStmt *Loop);

/// If \p E is exactly the key of the element a range-for loop variable
/// names (`kv.first`, or its first structured binding), that variable.
const VarDecl *keyOfLoopVariable(const Expr *E);

/// The container a range-for loop variable walks, read from the loop's
/// hidden `__range`/`__begin` variables, if it has an identity.
std::optional<ContainerRef> containerWalkedBy(const VarDecl *LoopVar);

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_LOOPBODY_H
