//===- SharedOptions.cpp --------------------------------------------------===//

#include "lib/SharedOptions.h"
#include <mutex>
#include <set>
#include <utility>

namespace clang::tidy::containers {

std::string readSharedOption(const ClangTidyContext &Context,
                             llvm::StringRef CheckName,
                             llvm::StringRef LocalName,
                             llvm::StringRef Default, std::string *Key) {
  const ClangTidyOptions::OptionMap &Options =
      Context.getOptions().CheckOptions;
  const std::string Shared = ("containers." + LocalName).str();
  for (const std::string &Candidate :
       {(CheckName + "." + LocalName).str(), Shared})
    if (auto It = Options.find(Candidate); It != Options.end()) {
      if (Key)
        *Key = Candidate;
      return It->getValue().Value;
    }
  if (Key)
    *Key = Shared;
  return Default.str();
}

bool firstReportOfBadOption(llvm::StringRef Key, llvm::StringRef Value) {
  static std::mutex Lock;
  static std::set<std::pair<std::string, std::string>> Reported;
  std::lock_guard<std::mutex> Guard(Lock);
  return Reported.insert({Key.str(), Value.str()}).second;
}

} // namespace clang::tidy::containers
