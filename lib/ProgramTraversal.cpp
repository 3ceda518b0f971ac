//===- ProgramTraversal.cpp -----------------------------------------------===//

#include "lib/ProgramTraversal.h"
#include "lib/DeclFilter.h"
#include "lib/PerFinder.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {

std::shared_ptr<ProgramTraversal> ProgramTraversal::shared(MatchFinder *Outer) {
  return perFinder<ProgramTraversal>(Outer, "", [&] {
    auto Created = std::make_shared<ProgramTraversal>();
    Outer->addMatcher(translationUnitDecl().bind("program.tu"), Created.get());
    return Created;
  });
}

void ProgramTraversal::run(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
}

void ProgramTraversal::onEndOfTranslationUnit() {
  if (!Context)
    return;
  ASTContext &Ctx = *Context;
  Context = nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Decl *> Program;
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (!inSystemHeader(D->getLocation(), SM))
      Program.push_back(D);
  const std::vector<Decl *> Saved = Ctx.getTraversalScope();
  Ctx.setTraversalScope(Program);
  Inner.matchAST(Ctx);
  Ctx.setTraversalScope(Saved);
}

} // namespace clang::tidy::containers
