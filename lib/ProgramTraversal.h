//===- ProgramTraversal.h - match the program's code, not the library's ---===//
//
// Design note. clang-tidy runs every check's matchers in one traversal of
// the whole translation unit, and the standard library's headers (every
// instantiation of `std::vector<T>::push_back`, `std::map`, `fmt`...) are
// most of its nodes. The matcher engine tries each registered matcher on
// each node of its kind, at a cost of its own per try, even when the
// matcher's first test turns the node away; containers-* only ever reports
// on the program's code.
//
// So the containers-* checks register their matchers with an inner
// MatchFinder of their own (one per translation unit, shared by them through
// PerFinder), and clang-tidy's finder gets one matcher, on the translation
// unit itself. When clang-tidy's traversal ends, the inner finder matches
// the translation unit restricted (ASTContext::setTraversalScope) to its
// top-level declarations outside system headers; the scope is then put
// back for whatever runs after. Instantiations of the program's templates
// are traversed with their templates; those of the library's templates are
// not, and neither is anything else a system header declares: a check
// never sees a node there (and a report there would not be shown unless
// `--system-headers` is given). Top-level arrays of plain data with a
// constant initialiser (generated tables) are left out too: there is
// nothing in them to match, and they can be most of a TU's nodes.
//
// The checks' onStartOfTranslationUnit/onEndOfTranslationUnit are called by
// the inner finder, around its traversal.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_PROGRAMTRAVERSAL_H
#define CONTAINERS_TIDY_LIB_PROGRAMTRAVERSAL_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <memory>

namespace clang::tidy::containers {

class ProgramTraversal : public ast_matchers::MatchFinder::MatchCallback {
public:
  /// The inner finder of clang-tidy's \p Outer finder, shared by every
  /// containers-* check of the translation unit.
  static std::shared_ptr<ProgramTraversal>
  shared(ast_matchers::MatchFinder *Outer);

  /// Where the checks register their matchers.
  ast_matchers::MatchFinder *finder() { return &Inner; }

  void run(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  llvm::StringRef getID() const override { return "containers-*"; }

private:
  ast_matchers::MatchFinder Inner;
  ASTContext *Context = nullptr;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_PROGRAMTRAVERSAL_H
