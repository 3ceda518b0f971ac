//===- UnboundedGrowthCheck.h - containers-unbounded-growth ---------------===//

#ifndef CONTAINERS_TIDY_CHECKS_UNBOUNDEDGROWTHCHECK_H
#define CONTAINERS_TIDY_CHECKS_UNBOUNDEDGROWTHCHECK_H

#include "lib/ContainersCheck.h"
#include "lib/Storage.h"

namespace clang::tidy::containers {

/// A static, global or long-lived container that is only ever inserted into,
/// never erased from or bounded.
///
/// For the user-facing documentation see
/// docs/checks/containers-unbounded-growth.md
class UnboundedGrowthCheck : public ContainersCheck {
public:
  UnboundedGrowthCheck(llvm::StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerProgramMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  const bool MemberContainers;
  /// Shared with the other Storage checks of the translation unit.
  std::shared_ptr<Storage> Inventory;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_CHECKS_UNBOUNDEDGROWTHCHECK_H
