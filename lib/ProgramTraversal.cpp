//===- ProgramTraversal.cpp -----------------------------------------------===//

#include "lib/ProgramTraversal.h"
#include "lib/DeclFilter.h"
#include "lib/PerFinder.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {

std::shared_ptr<ProgramTraversal> ProgramTraversal::shared(MatchFinder *Outer) {
  return perFinder<ProgramTraversal>(Outer, "", [&] {
    auto Created = std::make_shared<ProgramTraversal>();
    Outer->addMatcher(translationUnitDecl().bind("program.tu"), Created.get());
    return Created;
  });
}

/// Is \p T plain data: arithmetic, an enumeration, or an array or plain
/// struct of those? No container, pointer or callable can hide in it.
static bool isPlainData(QualType T, unsigned Depth = 0) {
  if (Depth > 4)
    return false;
  const Type *Base = T->getBaseElementTypeUnsafe();
  if (Base->isArithmeticType() || Base->isEnumeralType())
    return true;
  const auto *RD = Base->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || !RD->isPOD())
    return false;
  for (const FieldDecl *Field : RD->getDefinition()->fields())
    if (!isPlainData(Field->getType(), Depth + 1))
      return false;
  return true;
}

/// A table of constants (`static const ge_precomp base[32][8] = {...}`):
/// nothing in it is anything a check looks at, and its initialiser can be
/// most of a translation unit's nodes.
static bool isConstantTable(const Decl *D, ASTContext &Ctx) {
  const auto *Var = dyn_cast<VarDecl>(D);
  if (!Var || !Var->getType()->isArrayType() || !Var->getInit() ||
      Var->getType()->isDependentType() || !isPlainData(Var->getType()))
    return false;
  return Var->getInit()->isConstantInitializer(Ctx, /*ForRef=*/false);
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
    if (!inSystemHeader(D->getLocation(), SM) && !isConstantTable(D, Ctx))
      Program.push_back(D);
  const std::vector<Decl *> Saved = Ctx.getTraversalScope();
  Ctx.setTraversalScope(Program);
  Inner.matchAST(Ctx);
  Ctx.setTraversalScope(Saved);
}

} // namespace clang::tidy::containers
