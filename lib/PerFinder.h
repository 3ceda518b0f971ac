//===- PerFinder.h - one shared object per MatchFinder --------------------===//
//
// Design note. clang-tidy makes the checks and their MatchFinder afresh for
// every translation unit. Work that several checks need from the same
// traversal (Storage's inventory, where the traversal is) is done once by an
// object shared among them: the first check to ask creates it (and registers
// its matchers), the others get the same one, and it lives as long as the
// checks holding it. A finder's address may come back for a later
// translation unit, after its objects have expired: expired entries are
// dropped.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_PERFINDER_H
#define CONTAINERS_TIDY_LIB_PERFINDER_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace clang::tidy::containers {

/// The T shared by the checks of \p Finder under \p Key; \p Create makes it
/// (a std::shared_ptr<T>) when there is none.
template <class T, class CreateFn>
std::shared_ptr<T> perFinder(ast_matchers::MatchFinder *Finder,
                             const std::string &Key, CreateFn Create) {
  static std::mutex Lock;
  static std::map<std::pair<const ast_matchers::MatchFinder *, std::string>,
                  std::weak_ptr<T>>
      Objects;
  std::lock_guard<std::mutex> Guard(Lock);
  for (auto It = Objects.begin(); It != Objects.end();)
    It = It->second.expired() ? Objects.erase(It) : std::next(It);
  std::weak_ptr<T> &Slot = Objects[{Finder, Key}];
  if (std::shared_ptr<T> Existing = Slot.lock())
    return Existing;
  std::shared_ptr<T> Created = Create();
  Slot = Created;
  return Created;
}

/// Makes \p Callback one of \p Finder's callbacks with a matcher that never
/// matches: a MatchFinder calls onEndOfTranslationUnit() only on callbacks
/// registered with it, and a check that only reads a shared object (whose
/// matchers report to another check) still decides at the end of the TU.
inline void callAtEndOfTranslationUnit(
    ast_matchers::MatchFinder *Finder,
    ast_matchers::MatchFinder::MatchCallback *Callback) {
  using namespace ast_matchers;
  Finder->addMatcher(translationUnitDecl(unless(anything())), Callback);
}

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_PERFINDER_H
