//===- UnboundedGrowthCheck.cpp - containers-unbounded-growth -------------===//

#include "checks/UnboundedGrowthCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {

UnboundedGrowthCheck::UnboundedGrowthCheck(llvm::StringRef Name,
                                           ClangTidyContext *Context)
    : ContainersCheck(Name, Context),
      MemberContainers(Options.get("MemberContainers", false)) {}

void UnboundedGrowthCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ContainersCheck::storeOptions(Opts);
  Options.store(Opts, "MemberContainers", MemberContainers);
}

void UnboundedGrowthCheck::registerProgramMatchers(MatchFinder *Finder) {
  Inventory = Storage::shared(Finder, ExtraContainers, this);
}

void UnboundedGrowthCheck::check(const MatchFinder::MatchResult &Result) {
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  Inventory->observe(Result);
}

void UnboundedGrowthCheck::onEndOfTranslationUnit() {
  ASTContext *Ctx = Inventory ? Inventory->context() : nullptr;
  if (Ctx && !Ctx->getDiagnostics().hasUncompilableErrorOccurred()) {
    const SourceManager &SM = Ctx->getSourceManager();
    for (const StorageEntry &E : Inventory->decide(MemberContainers)) {
      // Any erase, clear, swap or assignment may be the eviction; anything
      // handed elsewhere may be evicted there; a size() comparison anywhere
      // may be the bound.
      if (E.Record.Removals > 0 || E.Record.Escapes || E.Record.SizeCompared)
        continue;
      // A table filled with constant values only is a registration table,
      // wherever it is filled.
      const StorageInsertion *Growth = firstGrowth(E, SM, /*TablesGrow=*/false);
      if (!Growth)
        continue;
      diag(Growth->Loc, "'%0' inserts into '%1', a long-lived container that "
                        "is never erased from or bounded%select{| in this "
                        "translation unit}2; it grows for as long as '%1' "
                        "lives")
          << Growth->Operation << E.Record.Name
          << (E.Record.Visible == Visibility::ThisTU);
      diag(E.Decl->getLocation(), "'%0' is declared here %1",
           DiagnosticIDs::Note)
          << E.Record.Name << describeLongLived(E);
    }
  }
}

} // namespace clang::tidy::containers
