//===- SharedOptions.cpp --------------------------------------------------===//

#include "lib/SharedOptions.h"

namespace clang::tidy::containers {

std::string readSharedOption(const ClangTidyContext &Context,
                             llvm::StringRef CheckName,
                             llvm::StringRef LocalName,
                             llvm::StringRef Default) {
  const ClangTidyOptions::OptionMap &Options =
      Context.getOptions().CheckOptions;
  for (const std::string &Key :
       {(CheckName + "." + LocalName).str(), ("containers." + LocalName).str()})
    if (auto It = Options.find(Key); It != Options.end())
      return It->getValue().Value;
  return Default.str();
}

} // namespace clang::tidy::containers
