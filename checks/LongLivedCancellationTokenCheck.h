//===- LongLivedCancellationTokenCheck.h -
//containers-long-lived-cancellation-token ===//

#ifndef CONTAINERS_TIDY_CHECKS_LONGLIVEDCANCELLATIONTOKENCHECK_H
#define CONTAINERS_TIDY_CHECKS_LONGLIVEDCANCELLATIONTOKENCHECK_H

#include "lib/ContainersCheck.h"
#include "lib/Storage.h"
#include "llvm/Support/Regex.h"
#include <vector>

namespace clang::tidy::containers {

/// A cancellation token, stop source, timer or RPC context stored in a
/// long-lived container that is never erased from.
///
/// For the user-facing documentation see
/// docs/checks/containers-long-lived-cancellation-token.md
class LongLivedCancellationTokenCheck : public ContainersCheck {
public:
  LongLivedCancellationTokenCheck(llvm::StringRef Name,
                                  ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerProgramMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// Is \p RD a token type: its qualified name matches TokenTypes, or its
  /// name matches TokenNamePattern?
  bool isToken(const CXXRecordDecl *RD) const;

  const std::string TokenTypesText;
  const std::string TokenNamePatternText;
  const bool MemberContainers;
  std::vector<llvm::Regex> TokenTypes;
  std::vector<llvm::Regex> NamePattern; ///< empty, or one regex
  /// Shared with the other Storage checks of the translation unit.
  std::shared_ptr<Storage> Inventory;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_CHECKS_LONGLIVEDCANCELLATIONTOKENCHECK_H
