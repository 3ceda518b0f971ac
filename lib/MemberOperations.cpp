//===- MemberOperations.cpp -----------------------------------------------===//

#include "lib/MemberOperations.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::containers {
namespace {

/// The lambdas written in a body, nested ones too; local classes are their
/// own classes.
class LambdaCollector : public RecursiveASTVisitor<LambdaCollector> {
public:
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool VisitLambdaExpr(LambdaExpr *L) {
    Lambdas.push_back(L);
    return true;
  }
  llvm::SmallVector<const LambdaExpr *, 4> Lambdas;
};

} // namespace

llvm::ArrayRef<MemberOperation> MemberOperations::of(const CXXRecordDecl *RD,
                                                     ASTContext &Ctx) {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD)
    return {};
  auto [It, Inserted] = PerClass.try_emplace(RD);
  if (!Inserted)
    return It->second;
  std::vector<MemberOperation> Found;
  auto Collect = [&](const CXXMethodDecl *Method, const FunctionDecl *FD) {
    const FunctionFlow *Flow = Flows.get(FD, Ctx);
    if (!Flow)
      return;
    for (llvm::ArrayRef<ContainerOperation> List :
         {Flow->operations(), Flow->moves()})
      for (const ContainerOperation &Op : List)
        if (Op.Container.isMemberOfThis())
          Found.push_back({&Op, Method, FD});
  };
  if (!RD->isDependentContext())
    for (const CXXMethodDecl *Method : RD->methods()) {
      // Constructors run before anything of the object can be running.
      if (isa<CXXConstructorDecl>(Method) || Method->isImplicit() ||
          Method->isDefaulted())
        continue;
      const FunctionDecl *Def = Method->getDefinition();
      if (!Def || !Def->getBody() || Def->isDependentContext())
        continue;
      Collect(Method, Def);
      LambdaCollector Lambdas;
      Lambdas.TraverseStmt(Def->getBody());
      for (const LambdaExpr *L : Lambdas.Lambdas)
        if (const CXXMethodDecl *Call = L->getCallOperator();
            Call && !Call->isDependentContext())
          Collect(Method, Call);
    }
  It->second = std::move(Found);
  return It->second;
}

} // namespace clang::tidy::containers
