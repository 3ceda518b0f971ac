//===- LongLivedCancellationTokenCheck.cpp -
//containers-long-lived-cancellation-token ===//

#include "checks/LongLivedCancellationTokenCheck.h"
#include "lib/HeldTypes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {

// Token types by qualified name (inline namespaces removed; `steady_timer`
// and `deadline_timer` are aliases of the timer templates).
static constexpr llvm::StringLiteral DefaultTokenTypes =
    "std::stop_source;std::stop_token;std::stop_callback;std::jthread;"
    "(boost::)?asio::cancellation_signal;(boost::)?asio::cancellation_slot;"
    "(boost::)?asio::basic_waitable_timer;(boost::)?asio::basic_deadline_timer;"
    "folly::CancellationSource;folly::CancellationToken;"
    "grpc(_impl)?::ClientContext;grpc(_impl)?::ServerContext;"
    "grpc(_impl)?::CompletionQueue";
static constexpr llvm::StringLiteral DefaultTokenNamePattern =
    "cancel|stoptoken|stopsource";

LongLivedCancellationTokenCheck::LongLivedCancellationTokenCheck(
    llvm::StringRef Name, ClangTidyContext *Context)
    : ContainersCheck(Name, Context),
      TokenTypesText(Options.get("TokenTypes", DefaultTokenTypes)),
      TokenNamePatternText(
          Options.get("TokenNamePattern", DefaultTokenNamePattern)),
      MemberContainers(Options.get("MemberContainers", true)) {
  auto Invalid = [&](llvm::StringRef Option, llvm::StringRef Value,
                     const std::string &Why) {
    configurationDiag("invalid value '%0' for option '%1.%2': %3; the default "
                      "is used",
                      DiagnosticIDs::Error)
        << Value << Name << Option << Why;
  };
  // TokenTypes: `;`-separated regexes, each matched against the whole
  // qualified name. An empty value means no type names at all.
  std::string Error;
  llvm::SmallVector<llvm::StringRef, 16> Entries;
  if (!llvm::StringRef(TokenTypesText).trim().empty())
    llvm::StringRef(TokenTypesText).split(Entries, ';', -1, /*KeepEmpty=*/true);
  for (llvm::StringRef Entry : Entries) {
    Entry = Entry.trim();
    llvm::Regex Regex(("^(" + Entry + ")$").str());
    std::string RegexError;
    if (Entry.empty())
      Error = "the list has an empty entry";
    else if (!Regex.isValid(RegexError))
      Error = "entry '" + Entry.str() + "' is not a valid regex: " + RegexError;
    if (!Error.empty())
      break;
    TokenTypes.push_back(std::move(Regex));
  }
  if (!Error.empty()) {
    Invalid("TokenTypes", TokenTypesText, Error);
    TokenTypes.clear();
    Entries.clear();
    llvm::StringRef(DefaultTokenTypes).split(Entries, ';');
    for (llvm::StringRef Entry : Entries)
      TokenTypes.emplace_back(("^(" + Entry + ")$").str());
  }
  // TokenNamePattern: one case-insensitive regex searched in the class name;
  // empty turns name matching off.
  if (!TokenNamePatternText.empty()) {
    llvm::Regex Pattern(TokenNamePatternText, llvm::Regex::IgnoreCase);
    std::string RegexError;
    if (Pattern.isValid(RegexError)) {
      NamePattern.push_back(std::move(Pattern));
    } else {
      Invalid("TokenNamePattern", TokenNamePatternText,
              "not a valid regex: " + RegexError);
      NamePattern.emplace_back(DefaultTokenNamePattern,
                               llvm::Regex::IgnoreCase);
    }
  }
}

void LongLivedCancellationTokenCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  ContainersCheck::storeOptions(Opts);
  Options.store(Opts, "TokenTypes", TokenTypesText);
  Options.store(Opts, "TokenNamePattern", TokenNamePatternText);
  Options.store(Opts, "MemberContainers", MemberContainers);
}

void LongLivedCancellationTokenCheck::registerProgramMatchers(MatchFinder *Finder) {
  Inventory = Storage::shared(Finder, ExtraContainers, this);
}

void LongLivedCancellationTokenCheck::check(
    const MatchFinder::MatchResult &Result) {
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  Inventory->observe(Result);
}

bool LongLivedCancellationTokenCheck::isToken(const CXXRecordDecl *RD) const {
  const NamedDecl *Named = RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    Named = Spec->getSpecializedTemplate();
  const std::string Qualified = ContainerModel::qualifiedName(Named);
  for (const llvm::Regex &Type : TokenTypes)
    if (Type.match(Qualified))
      return true;
  return !NamePattern.empty() && RD->getIdentifier() &&
         NamePattern.front().match(RD->getName());
}

void LongLivedCancellationTokenCheck::onEndOfTranslationUnit() {
  ASTContext *Ctx = Inventory ? Inventory->context() : nullptr;
  if (Ctx && !Ctx->getDiagnostics().hasUncompilableErrorOccurred()) {
    const SourceManager &SM = Ctx->getSourceManager();
    for (const StorageEntry &E : Inventory->decide(MemberContainers)) {
      // Anything erased, swapped, cleared, assigned or handed elsewhere may
      // be how the tokens are released.
      if (E.Record.Removals > 0 || E.Record.Escapes)
        continue;
      // Every insertion makes a new token, even from constant arguments.
      const StorageInsertion *Growth = firstGrowth(E, SM, /*TablesGrow=*/true);
      if (!Growth)
        continue;
      const CXXRecordDecl *Token =
          findHeld(E.ContainerType, Model,
                   [&](const CXXRecordDecl *RD) { return isToken(RD); });
      if (!Token)
        continue;
      const NamedDecl *TokenName = Token;
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Token))
        TokenName = Spec->getSpecializedTemplate();
      diag(Growth->Loc,
           "'%0' stores a '%1' in '%2', a long-lived container that is never "
           "erased from%select{| in this translation unit}3; every token "
           "stays alive, with everything registered on it, as long as '%2' "
           "does")
          << Growth->Operation << ContainerModel::qualifiedName(TokenName)
          << E.Record.Name << (E.Record.Visible == Visibility::ThisTU);
      diag(E.Decl->getLocation(), "'%0' is declared here %1",
           DiagnosticIDs::Note)
          << E.Record.Name << describeLongLived(E);
      diag(Growth->Function->getLocation(),
           "'%0' inserts into '%1' each time it is called", DiagnosticIDs::Note)
          << Growth->Function->getNameAsString() << E.Record.Name;
    }
  }
}

} // namespace clang::tidy::containers
