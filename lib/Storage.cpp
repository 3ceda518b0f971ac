//===- Storage.cpp --------------------------------------------------------===//

#include "lib/Storage.h"
#include "lib/Compat.h"
#include "lib/ContainerAccess.h"
#include "lib/PerFinder.h"
#include "lib/TraversalPosition.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {
namespace {

/// What a member call does to the contents of a container. Insertions are
/// [container.reqmts]/[sequence.reqmts]/[associative.reqmts]/
/// [unord.req.general] "inserts" members; removals erase, replace or hand
/// over elements. Unknown names are decided by constness in effectOf().
enum class ContentEffect { Adds, Removes, Keeps, Unknown };

constexpr llvm::StringLiteral Adds[] = {
    "insert",           "emplace",         "emplace_hint", "try_emplace",
    "insert_or_assign", "push_back",       "emplace_back", "push_front",
    "emplace_front",    "append",          "operator+=",   "insert_range",
    "append_range",     "FindAndConstruct"};
constexpr llvm::StringLiteral Removes[] = {
    "erase",    "erase_after", "extract",   "clear",      "swap",
    "pop_back", "pop_front",   "remove",    "remove_if",  "unique",
    "resize",   "assign",      "operator=", "std::erase", "std::erase_if"};
// Elements move in from the argument of merge/splice, which escapes.
constexpr llvm::StringLiteral Keeps[] = {
    "begin",       "end",         "rbegin", "rend",          "find",
    "at",          "front",       "back",   "data",          "lower_bound",
    "upper_bound", "equal_range", "count",  "contains",      "size",
    "empty",       "reserve",     "rehash", "shrink_to_fit", "lookup",
    "merge",       "splice"};

ContentEffect effectOfName(llvm::StringRef Name, ContainerFamily Family) {
  const bool Associative = Family == ContainerFamily::OrderedAssociative ||
                           Family == ContainerFamily::UnorderedAssociative ||
                           Family == ContainerFamily::OpenAddressing;
  // operator[] inserts a missing key into a map; on a sequence it is access.
  if (Name == "operator[]")
    return Associative ? ContentEffect::Adds : ContentEffect::Keeps;
  if (llvm::is_contained(Adds, Name))
    return ContentEffect::Adds;
  if (llvm::is_contained(Removes, Name))
    return ContentEffect::Removes;
  if (llvm::is_contained(Keeps, Name))
    return ContentEffect::Keeps;
  return ContentEffect::Unknown;
}

/// Is \p E a value fixed at compile time: a literal, an enumerator, a
/// constexpr variable, a function, a capture-less lambda, or an object
/// built only from such values?
bool isConstantValue(const Expr *E, const ASTContext &Ctx, unsigned Depth = 0) {
  if (!E || Depth > 6)
    return false;
  while (true) {
    const Expr *Before = E;
    E = ignoreWrappers(E);
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
      E = Cast->getSubExpr();
    if (E == Before)
      break;
  }
  if (isa<StringLiteral, IntegerLiteral, FloatingLiteral, CharacterLiteral,
          CXXBoolLiteralExpr, CXXNullPtrLiteralExpr>(E))
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = DRE->getDecl();
    if (isa<EnumConstantDecl, FunctionDecl>(D))
      return true;
    if (const auto *Var = dyn_cast<VarDecl>(D))
      return Var->isConstexpr();
    return false;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_AddrOf)
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(ignoreWrappers(U->getSubExpr())))
      return isa<FunctionDecl>(DRE->getDecl());
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return Lambda->capture_size() == 0;
  auto AllConstant = [&](auto Args) {
    unsigned Seen = 0;
    for (const Expr *Arg : Args) {
      if (isa<CXXDefaultArgExpr>(Arg))
        continue;
      if (!isConstantValue(Arg, Ctx, Depth + 1))
        return false;
      ++Seen;
    }
    return Seen > 0;
  };
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return AllConstant(Construct->arguments());
  if (const auto *Init = dyn_cast<InitListExpr>(E))
    return AllConstant(Init->inits());
  if (E->getType()->isScalarType() && !E->isValueDependent() &&
      !E->isTypeDependent())
    return E->isEvaluatable(Ctx);
  return false;
}

/// The key an insertion into an associative container inserts, or null.
const Expr *insertedKey(const ContainerOperation &Op) {
  if (Op.Args.empty())
    return nullptr;
  const Expr *First = Op.Args[0];
  if ((Op.Name == "insert" || Op.Name == "emplace") && Op.Args.size() == 1) {
    // `insert({k, v})`, `insert(pair(k, v))`: the pair's first member.
    const Expr *Value = ignoreWrappers(First);
    if (const auto *Init = dyn_cast<InitListExpr>(Value);
        Init && Init->getNumInits() >= 1)
      return Init->getInit(0);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Value);
        Construct && Construct->getNumArgs() >= 2)
      return Construct->getArg(0);
  }
  return First;
}

bool isTemplated(const DeclContext *DC) {
  for (; DC; DC = DC->getParent()) {
    if (DC->isDependentContext())
      return true;
    if (const auto *RD = dyn_cast<CXXRecordDecl>(DC))
      if (isa<ClassTemplateSpecializationDecl>(RD) ||
          RD->getTemplateInstantiationPattern())
        return true;
  }
  return false;
}

/// Can only this TU reach a member of \p RD with access \p Access?
bool classIsClosed(const CXXRecordDecl *RD, AccessSpecifier Access,
                   const SourceManager &SM) {
  if (!RD || !RD->hasDefinition() || isTemplated(RD))
    return false;
  RD = RD->getDefinition();
  if (RD->hasFriends())
    return false;
  for (const CXXMethodDecl *M : RD->methods())
    if (!M->isImplicit() && !M->isDeleted() && !M->isDefaulted() &&
        !compat::isPureVirtual(M) && !M->isDefined())
      return false;
  if (!RD->isExternallyVisible() || Access == AS_private)
    return true;
  if (Access == AS_protected && RD->hasAttr<FinalAttr>())
    return true;
  return SM.isInMainFile(SM.getExpansionLoc(RD->getLocation()));
}

const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD ? RD->getCanonicalDecl() : nullptr;
}

// One matcher per node kind, each deciding in C++ what the node is to
// Storage and binding it under that name: every matcher registered is tried
// on every node of its kind, so a second matcher for the same kind would
// double the cost of that kind.

/// A call Storage records ("storage.call"): a member call or member
/// operator call on a followed container, or `std::erase(c, ...)` /
/// `std::erase_if(c, ...)` on one.
AST_MATCHER_P(CallExpr, isStorageCall, Storage *, Inventory) {
  bool Followed = false;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Node)) {
    const Expr *Object = Member->getImplicitObjectArgument();
    Followed = Object && Inventory->follows(namedDecl(Object));
  } else if (Node.getNumArgs() > 0) {
    const FunctionDecl *Callee = Node.getDirectCallee();
    if (isa<CXXOperatorCallExpr>(Node))
      Followed = isa_and_nonnull<CXXMethodDecl>(Callee);
    else
      Followed = Callee && Callee->getIdentifier() &&
                 (Callee->getName() == "erase" ||
                  Callee->getName() == "erase_if");
    Followed = Followed && Inventory->follows(namedDecl(Node.getArg(0)));
  }
  if (Followed)
    Builder->setBinding("storage.call", DynTypedNode::create(Node));
  return Followed;
}

/// A comparison with a followed container's `size()` ("storage.size"), or
/// `p = this` where `p` has static storage duration ("storage.assign-this").
AST_MATCHER_P(BinaryOperator, isStorageBinaryOperator, Storage *, Inventory) {
  if (Node.isComparisonOp()) {
    for (const Expr *Operand : {Node.getLHS(), Node.getRHS()}) {
      const auto *Size =
          dyn_cast<CXXMemberCallExpr>(Operand->IgnoreParenImpCasts());
      const CXXMethodDecl *Method = Size ? Size->getMethodDecl() : nullptr;
      if (Method && Method->getIdentifier() && Method->getName() == "size" &&
          Inventory->follows(namedDecl(Size->getImplicitObjectArgument()))) {
        Builder->setBinding("storage.size", DynTypedNode::create(*Size));
        return true;
      }
    }
    return false;
  }
  if (Node.getOpcode() != BO_Assign ||
      !isa<CXXThisExpr>(Node.getRHS()->IgnoreParenImpCasts()))
    return false;
  const auto *Var = dyn_cast_or_null<VarDecl>(
      namedDecl(Node.getLHS(), /*ThroughDeref=*/false));
  if (!Var || !Var->hasGlobalStorage())
    return false;
  Builder->setBinding("storage.assign-this", DynTypedNode::create(Node));
  return true;
}

/// A variable of static storage duration outside system headers
/// ("storage.static": singletons, start-up code), or a local object (or
/// by-value parameter) of a class with a data member Storage follows
/// ("storage.local": a value type).
AST_MATCHER_P(VarDecl, isStorageVariable, Storage *, Inventory) {
  if (Node.hasGlobalStorage()) {
    if (inSystemHeader(Node.getLocation(),
                       Finder->getASTContext().getSourceManager()))
      return false;
    Builder->setBinding("storage.static", DynTypedNode::create(Node));
    return true;
  }
  if (!Node.hasLocalStorage() ||
      !Inventory->hasFollowedField(Node.getType()->getAsCXXRecordDecl()))
    return false;
  Builder->setBinding("storage.local", DynTypedNode::create(Node));
  return true;
}

} // namespace

std::shared_ptr<Storage> Storage::shared(MatchFinder *Finder,
                                         llvm::StringRef ExtraContainers,
                                         MatchFinder::MatchCallback *Callback) {
  bool Created = false;
  std::shared_ptr<Storage> Inventory =
      perFinder<Storage>(Finder, ExtraContainers.str(), [&] {
        auto New = std::make_shared<Storage>(ExtraContainers);
        New->registerMatchers(Finder, Callback);
        Created = true;
        return New;
      });
  if (!Created)
    callAtEndOfTranslationUnit(Finder, Callback);
  return Inventory;
}

Storage::Storage(llvm::StringRef ExtraContainers) {
  // A malformed value is reported by the check that read it (ContainersCheck)
  // and then ignored, here too.
  std::string Error;
  if (!Model.addExtraContainers(ExtraContainers, Error))
    Model = ContainerModel();
}

bool Storage::decide(const ValueDecl *D) {
  const auto *Var = dyn_cast<VarDecl>(D);
  if (!(Var && Var->hasGlobalStorage() &&
        Var->getTLSKind() == VarDecl::TLS_None) &&
      !isa<FieldDecl>(D))
    return false;
  QualType T = D->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  // The standard library's own members (`std::queue::c`) are not the
  // program's state.
  const SourceManager &SM = D->getASTContext().getSourceManager();
  return !T->isReferenceType() && !T->isDependentType() &&
         !SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())) &&
         Model.classify(T).has_value();
}

bool Storage::hasFollowedField(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  if (auto It = RecordsWithFollowedField.find(RD);
      It != RecordsWithFollowedField.end())
    return It->second;
  const bool Result = llvm::any_of(
      RD->fields(), [&](const FieldDecl *Field) { return follows(Field); });
  RecordsWithFollowedField[RD] = Result;
  return Result;
}

void Storage::registerMatchers(MatchFinder *Finder,
                               MatchFinder::MatchCallback *Callback) {
  // Each matcher first asks, in one step, whether the node names a
  // container Storage follows (DeclFilter): nearly every reference and call
  // of the TU is turned away there.
  // Where an insertion is made: the function the traversal is in.
  Position = TraversalPosition::shared(Finder);
  Finder->addMatcher(callExpr(isStorageCall(this)), Callback);
  Finder->addMatcher(cxxForRangeStmt(rangeAccepted(this)).bind("storage.loop"),
                     Callback);
  Finder->addMatcher(declRefExpr(namesAccepted(this)).bind("storage.ref"),
                     Callback);
  Finder->addMatcher(memberExpr(namesAccepted(this)).bind("storage.ref"),
                     Callback);
  Finder->addMatcher(binaryOperator(isStorageBinaryOperator(this)), Callback);
  Finder->addMatcher(varDecl(isStorageVariable(this)), Callback);
}

Storage::Tracked *Storage::track(const ValueDecl *D) {
  if (!follows(D))
    return nullptr;
  D = cast<ValueDecl>(D->getCanonicalDecl());
  // MapVector has no try_emplace before LLVM 15.
  auto [It, Inserted] = Entries.insert({D, Tracked()});
  Tracked &T = It->second;
  if (Inserted) {
    QualType Type = D->getType();
    if (Type->isPointerType())
      Type = Type->getPointeeType();
    T.Entry.Decl = D;
    T.Entry.ContainerType = Type;
    T.Entry.Family = *Model.classify(Type);
    T.Entry.Record.Name = D->getNameAsString();
  }
  return &T;
}

void Storage::account(const Expr *Object) {
  if (const Expr *Ref = namedRef(Object))
    Accounted.insert(Ref);
}

void Storage::addOperation(const Expr *Call) {
  std::optional<ContainerOperation> Op = ContainerOperation::match(Call, Model);
  if (!Op)
    return;
  Tracked *T = track(Op->Container.decl());
  if (!T)
    return;
  const Expr *Object = memberCallObject(Call);
  account(Object ? Object : cast<CallExpr>(Call)->getArg(0));
  ContentEffect Effect = effectOfName(Op->Name, Op->Family);
  if (Effect == ContentEffect::Unknown) {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(
        cast<CallExpr>(Call)->getDirectCallee());
    Effect = Method && Method->isConst() ? ContentEffect::Keeps
                                         : ContentEffect::Removes;
  }
  if (Effect == ContentEffect::Removes) {
    ++T->Entry.Record.Removals;
    return;
  }
  if (Effect != ContentEffect::Adds)
    return;
  ++T->Entry.Record.Insertions;
  StorageInsertion I;
  I.Call = Call;
  I.Loc = Op->Loc;
  I.Operation = Op->Name;
  const SourceManager &SM = Context->getSourceManager();
  I.Function = Position->functionContaining(Call, SM);
  // Uninstantiated templates are analysed through their instantiations.
  if (I.Function && I.Function->isDependentContext())
    return;
  const bool Associative =
      Op->Family == ContainerFamily::OrderedAssociative ||
      Op->Family == ContainerFamily::UnorderedAssociative ||
      Op->Family == ContainerFamily::OpenAddressing;
  if (Associative)
    I.ConstantKey = isConstantValue(insertedKey(*Op), *Context);
  else
    I.ConstantValues =
        !Op->Args.empty() && llvm::all_of(Op->Args, [&](const Expr *Arg) {
          return isa<CXXDefaultArgExpr>(Arg) || isConstantValue(Arg, *Context);
        });
  T->Entry.Insertions.push_back(I);
}

void Storage::addStaticInit(const VarDecl *Var) {
  const Expr *Init = Var->getInit();
  if (!Init)
    return;
  const SourceManager &SM = Context->getSourceManager();
  StaticInitRanges.push_back({SM.getExpansionLoc(Init->getBeginLoc()),
                              SM.getExpansionLoc(Init->getEndLoc())});
  // The functions a static initialiser calls are start-up code.
  llvm::SmallVector<const Stmt *, 16> Work{Init};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        StaticInitCallees.insert(Callee->getCanonicalDecl());
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
      StaticInitCallees.insert(Construct->getConstructor()->getCanonicalDecl());
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

void Storage::observe(const MatchFinder::MatchResult &Result) {
  if (Context != Result.Context) {
    clear();
    Context = Result.Context;
  }
  const auto &Nodes = Result.Nodes;
  if (const auto *Call = Nodes.getNodeAs<Expr>("storage.call")) {
    addOperation(Call);
    return;
  }
  if (const auto *Loop = Nodes.getNodeAs<CXXForRangeStmt>("storage.loop")) {
    account(Loop->getRangeInit());
    return;
  }
  if (const auto *Ref = Nodes.getNodeAs<Expr>("storage.ref")) {
    const ValueDecl *D = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Ref))
      D = DRE->getDecl();
    else if (const auto *ME = dyn_cast<MemberExpr>(Ref))
      D = ME->getMemberDecl();
    // A const access reads: nothing can be erased through it.
    if (Ref->getType().isConstQualified())
      return;
    if (Tracked *T = track(D))
      T->Refs.push_back(Ref);
    return;
  }
  if (const auto *Size = Nodes.getNodeAs<CXXMemberCallExpr>("storage.size")) {
    if (std::optional<ContainerOperation> Op =
            ContainerOperation::match(Size, Model))
      if (Tracked *T = track(Op->Container.decl()))
        T->Entry.Record.SizeCompared = true;
    return;
  }
  if (const auto *Var = Nodes.getNodeAs<VarDecl>("storage.static")) {
    if (Var->getTLSKind() != VarDecl::TLS_None)
      return;
    // A variable of static storage duration of class type (or pointing to
    // one) makes the class a singleton of the TU.
    // A const instance cannot be filled (mutable members aside).
    if (const CXXRecordDecl *RD = recordOf(Var->getType());
        RD && !Var->getType().isConstQualified() &&
        !Model.classify(Var->getType()->isPointerType()
                            ? Var->getType()->getPointeeType()
                            : Var->getType()))
      StaticInstances[RD].push_back(
          cast<VarDecl>(Var->getCanonicalDecl()));
    addStaticInit(Var);
    return;
  }
  if (const auto *Assign =
          Nodes.getNodeAs<BinaryOperator>("storage.assign-this")) {
    if (const auto *Var = dyn_cast_or_null<VarDecl>(
            namedDecl(Assign->getLHS(), /*ThroughDeref=*/false)))
      AssignedThis.insert(cast<VarDecl>(Var->getCanonicalDecl()));
    return;
  }
  if (const auto *Var = Nodes.getNodeAs<VarDecl>("storage.local")) {
    if (const CXXRecordDecl *RD = Var->getType()->getAsCXXRecordDecl())
      ShortLived.insert(RD->getCanonicalDecl());
    return;
  }
}

LongLivedKind Storage::kindOf(const StorageEntry &E,
                              bool MemberContainers) const {
  if (const auto *Var = dyn_cast<VarDecl>(E.Decl)) {
    if (Var->isStaticLocal())
      return LongLivedKind::StaticLocal;
    if (Var->isStaticDataMember())
      return LongLivedKind::StaticMember;
    if (Var->getDeclContext()->getRedeclContext()->isFileContext())
      return LongLivedKind::Global;
    return LongLivedKind::None;
  }
  const auto *RD =
      dyn_cast<CXXRecordDecl>(cast<FieldDecl>(E.Decl)->getParent());
  if (!RD)
    return LongLivedKind::None;
  RD = RD->getCanonicalDecl();
  // A class with a local object somewhere is a value type, even when a
  // static instance of it exists too (`static const Path kRoot;`).
  if (ShortLived.contains(RD))
    return LongLivedKind::None;
  if (Singletons.count(RD))
    return LongLivedKind::SingletonMember;
  return MemberContainers ? LongLivedKind::Member : LongLivedKind::None;
}

Visibility Storage::visibilityOf(const StorageEntry &E) const {
  const SourceManager &SM = Context->getSourceManager();
  if (const auto *Var = dyn_cast<VarDecl>(E.Decl)) {
    if (isTemplated(Var->getDeclContext()) ||
        Var->getTemplateSpecializationKind() != TSK_Undeclared)
      return Visibility::Unknown;
    if (Var->isStaticLocal() || !Var->isExternallyVisible())
      return Visibility::Proven;
    if (Var->isStaticDataMember())
      return classIsClosed(dyn_cast<CXXRecordDecl>(Var->getDeclContext()),
                           Var->getAccess(), SM)
                 ? Visibility::Proven
                 : Visibility::Unknown;
    for (const VarDecl *Redecl : Var->redecls())
      if (!SM.isInMainFile(SM.getExpansionLoc(Redecl->getLocation())))
        return Visibility::Unknown;
    return Visibility::ThisTU;
  }
  const auto *Field = cast<FieldDecl>(E.Decl);
  return classIsClosed(dyn_cast<CXXRecordDecl>(Field->getParent()),
                       Field->getAccess(), SM)
             ? Visibility::Proven
             : Visibility::Unknown;
}

bool Storage::isStartUp(const StorageInsertion &I,
                        const StorageEntry &E) const {
  const FunctionDecl *FD = I.Function;
  if (!FD)
    return true; // a static initialiser, or a place the traversal lost
  const SourceManager &SM = Context->getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(I.Call->getBeginLoc());
  for (SourceRange R : StaticInitRanges)
    if (!SM.isBeforeInTranslationUnit(Loc, R.getBegin()) &&
        !SM.isBeforeInTranslationUnit(R.getEnd(), Loc))
      return true;
  if (StaticInitCallees.contains(FD->getCanonicalDecl()) || FD->isMain() ||
      FD->hasAttr<ConstructorAttr>())
    return true;
  // A constructor of the class that owns the container fills it once.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    if (const auto *Owner = dyn_cast<CXXRecordDecl>(E.Decl->getDeclContext()))
      return Ctor->getParent()->getCanonicalDecl() == Owner->getCanonicalDecl();
  return false;
}

void Storage::decideSingletons() {
  Singletons.clear();
  for (const auto &[RD, Vars] : StaticInstances)
    for (const VarDecl *Var : Vars)
      if (!Var->getType()->isPointerType() || !AssignedThis.contains(Var)) {
        Singletons[RD] = Var;
        break;
      }
}

std::vector<StorageEntry> Storage::decide(bool MemberContainers) {
  std::vector<StorageEntry> Result;
  if (!Context)
    return Result;
  decideSingletons();
  for (auto &[D, T] : Entries) {
    StorageEntry &E = T.Entry;
    E.Record.Kind = kindOf(E, MemberContainers);
    if (E.Record.Kind == LongLivedKind::None)
      continue;
    E.Record.Visible = visibilityOf(E);
    if (E.Record.Visible == Visibility::Unknown)
      continue;
    E.Record.Escapes = llvm::any_of(
        T.Refs, [&](const Expr *Ref) { return !Accounted.contains(Ref); });
    if (const auto *Field = dyn_cast<FieldDecl>(E.Decl)) {
      E.Class = dyn_cast<CXXRecordDecl>(Field->getParent());
      if (E.Class)
        E.Instance = Singletons.lookup(E.Class->getCanonicalDecl());
    } else if (const auto *Owner =
                   dyn_cast<CXXRecordDecl>(E.Decl->getDeclContext())) {
      E.Class = Owner;
    }
    llvm::SmallString<128> USR;
    if (!index::generateUSRForDecl(E.Decl, USR))
      E.Record.USR = USR.str().str();
    for (StorageInsertion &I : E.Insertions)
      I.Grows = !I.ConstantKey && !isStartUp(I, E);
    Result.push_back(E);
  }
  return Result;
}

std::string describeLongLived(const StorageEntry &E) {
  const std::string Class =
      E.Class ? "'" + E.Class->getNameAsString() + "'" : "its class";
  switch (E.Record.Kind) {
  case LongLivedKind::Global:
    return "at namespace scope";
  case LongLivedKind::StaticMember:
    return "as a static data member";
  case LongLivedKind::StaticLocal:
    return "as a function-local static";
  case LongLivedKind::SingletonMember:
    return "as a member of " + Class + ", which is used as a singleton";
  case LongLivedKind::Member:
    return "as a member of " + Class + ", which never erases from it";
  case LongLivedKind::None:
    break;
  }
  return "";
}

const StorageInsertion *firstGrowth(const StorageEntry &E,
                                    const SourceManager &SM, bool TablesGrow) {
  const StorageInsertion *First = nullptr;
  for (const StorageInsertion &I : E.Insertions)
    if (I.Grows && (TablesGrow || !I.ConstantValues) &&
        (!First || SM.isBeforeInTranslationUnit(I.Loc, First->Loc)))
      First = &I;
  return First;
}

void Storage::clear() {
  Context = nullptr;
  Entries.clear();
  DeclFilter::clear();
  RecordsWithFollowedField.clear();
  Accounted.clear();
  Singletons.clear();
  StaticInstances.clear();
  AssignedThis.clear();
  ShortLived.clear();
  StaticInitCallees.clear();
  StaticInitRanges.clear();
}

} // namespace clang::tidy::containers
