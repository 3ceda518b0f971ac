//===- AssertMacros.cpp ---------------------------------------------------===//

#include "lib/AssertMacros.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroArgs.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::containers {

class AssertMacros::Recorder : public PPCallbacks {
public:
  Recorder(AssertMacros &Owner) : Owner(Owner) {}

  void MacroExpands(const Token &Name, const MacroDefinition &,
                    SourceRange Range, const MacroArgs *Args) override {
    const IdentifierInfo *II = Name.getIdentifierInfo();
    if (!II || !Args || !Owner.Names.contains(II->getName()))
      return;
    const SourceManager &SM = *Owner.SM;
    Expansion E;
    E.Begin = SM.getExpansionLoc(Range.getBegin());
    E.End = SM.getExpansionLoc(Range.getEnd());
    for (unsigned I = 0, N = Args->getNumMacroArguments(); I < N; ++I)
      for (const Token *T = Args->getUnexpArgument(I); T->isNot(tok::eof); ++T)
        if (const IdentifierInfo *Arg = T->getIdentifierInfo())
          E.Names.push_back(Arg);
    // An assertion inside another one's expansion is the same invocation.
    if (Owner.Index.try_emplace(E.Begin.getRawEncoding(), Owner.Ordered.size())
            .second)
      Owner.Ordered.push_back(std::move(E));
  }

private:
  AssertMacros &Owner;
};

static bool isIdentifier(llvm::StringRef S) {
  if (S.empty() || llvm::isDigit(S.front()))
    return false;
  return llvm::all_of(S, [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

bool AssertMacros::addMacros(llvm::StringRef List, std::string &Error) {
  if (List.trim().empty())
    return true;
  llvm::SmallVector<llvm::StringRef, 4> Entries;
  List.split(Entries, ';');
  for (llvm::StringRef Entry : Entries) {
    llvm::StringRef Name = Entry.trim();
    if (Name.empty() || !isIdentifier(Name)) {
      Error = ("'" + Entry + "'").str();
      return false;
    }
  }
  for (llvm::StringRef Entry : Entries)
    Names.insert(Entry.trim());
  return true;
}

void AssertMacros::attach(Preprocessor &PP) {
  SM = &PP.getSourceManager();
  PP.addPPCallbacks(std::make_unique<Recorder>(*this));
}

const AssertMacros::Expansion *
AssertMacros::expansionAt(SourceLocation Loc) const {
  if (!SM || !Loc.isMacroID())
    return nullptr;
  auto It = Index.find(SM->getExpansionLoc(Loc).getRawEncoding());
  return It == Index.end() ? nullptr : &Ordered[It->second];
}

bool AssertMacros::mentionsAt(SourceLocation Loc,
                              const IdentifierInfo *Name) const {
  const Expansion *E = expansionAt(Loc);
  return E && Name && llvm::is_contained(E->Names, Name);
}

bool AssertMacros::mentionsIn(SourceRange Range,
                              const IdentifierInfo *Name) const {
  if (!SM || !Name || Ordered.empty())
    return false;
  SourceLocation Begin = SM->getExpansionLoc(Range.getBegin());
  SourceLocation End = SM->getExpansionLoc(Range.getEnd());
  // Expansions are recorded in translation-unit order.
  auto First = llvm::partition_point(Ordered, [&](const Expansion &E) {
    return SM->isBeforeInTranslationUnit(E.Begin, Begin);
  });
  for (auto It = First; It != Ordered.end(); ++It) {
    if (SM->isBeforeInTranslationUnit(End, It->Begin))
      break;
    if (llvm::is_contained(It->Names, Name))
      return true;
  }
  return false;
}

} // namespace clang::tidy::containers
