//===- StmtParents.cpp ----------------------------------------------------===//

#include "lib/StmtParents.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::containers {

void StmtParents::build(const Stmt *NewBody) {
  Body = NewBody;
  Parents.clear();
  if (!Body)
    return;
  // Iterative: generated code nests deeply enough to overflow a recursion.
  llvm::SmallVector<const Stmt *, 64> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    for (const Stmt *Child : S->children())
      if (Child && Parents.try_emplace(Child, S).second)
        Work.push_back(Child);
  }
}

} // namespace clang::tidy::containers
