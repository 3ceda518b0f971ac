//===- AssertMacros.h - where assertion macros are expanded, and on what
//---===//
//
// Design note. An assertion (`assert(it != m.end())`, a project's
// `CHECK(...)`) states a fact the code relies on, but in a build with
// `NDEBUG` the standard `assert` expands to `((void)0)` and the AST keeps
// nothing of its argument. The preprocessor still sees it: this recorder
// keeps, for every expansion of a named assertion macro, the file location
// where the user wrote it and the identifiers of its arguments.
//
// A check asks "does an assertion at this statement, or anywhere in this
// range, mention this name?". Mentioning is textual on purpose: any
// assertion that names an iterator or a container is taken as a guard, even
// one that tests something else about it (that only hides reports).
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_ASSERTMACROS_H
#define CONTAINERS_TIDY_LIB_ASSERTMACROS_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::containers {

class AssertMacros {
public:
  /// Parses a `;`-separated list of macro names (spaces around entries are
  /// ignored) and adds them to `assert`, which is always known. On error
  /// returns false and sets \p Error to the offending entry.
  bool addMacros(llvm::StringRef List, std::string &Error);

  /// Starts recording the expansions of the known macros in \p PP.
  void attach(Preprocessor &PP);

  /// Does an assertion whose expansion contains \p Loc mention \p Name?
  bool mentionsAt(SourceLocation Loc, const IdentifierInfo *Name) const;
  /// Does an assertion written inside \p Range mention \p Name?
  bool mentionsIn(SourceRange Range, const IdentifierInfo *Name) const;

  void clear() {
    Ordered.clear();
    Index.clear();
  }

private:
  class Recorder;
  struct Expansion {
    SourceLocation Begin, End; ///< file locations of the whole invocation
    llvm::SmallVector<const IdentifierInfo *, 4> Names;
  };
  const Expansion *expansionAt(SourceLocation Loc) const;

  llvm::StringSet<> Names{{"assert"}};
  const SourceManager *SM = nullptr;
  /// In translation-unit order (the order the preprocessor meets them).
  std::vector<Expansion> Ordered;
  /// Position in Ordered by the raw encoding of the invocation's location.
  llvm::DenseMap<SourceLocation::UIntTy, size_t> Index;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_ASSERTMACROS_H
