//===- TraversalPosition.cpp ----------------------------------------------===//

#include "lib/TraversalPosition.h"
#include "lib/DeclFilter.h"
#include "lib/PerFinder.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {

std::shared_ptr<TraversalPosition>
TraversalPosition::shared(MatchFinder *Finder) {
  return perFinder<TraversalPosition>(Finder, "", [&] {
    auto Created = std::make_shared<TraversalPosition>();
    Finder->addMatcher(
        functionDecl(isProgramDefinition(/*WrittenOnly=*/true))
            .bind("position.function"),
        Created.get());
    Finder->addMatcher(
        lambdaExpr(unless(isExpansionInSystemHeader())).bind("position.lambda"),
        Created.get());
    return Created;
  });
}

void TraversalPosition::run(const MatchFinder::MatchResult &Result) {
  if (const auto *FD =
          Result.Nodes.getNodeAs<FunctionDecl>("position.function")) {
    Function = FD;
    Lambdas.clear();
    return;
  }
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("position.lambda"))
    Lambdas.push_back(Lambda->getCallOperator());
}

const FunctionDecl *
TraversalPosition::functionContaining(const Stmt *S,
                                      const SourceManager &SM) const {
  if (!Function || !Function->getBody() || !S)
    return nullptr;
  SourceRange Body = Function->getBody()->getSourceRange();
  SourceLocation Loc = SM.getExpansionLoc(S->getBeginLoc());
  if (SM.isBeforeInTranslationUnit(Loc, SM.getExpansionLoc(Body.getBegin())) ||
      SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Body.getEnd()), Loc))
    return nullptr;
  return Function;
}

} // namespace clang::tidy::containers
