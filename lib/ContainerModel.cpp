//===- ContainerModel.cpp - the container table ----------------------------===//

#include "lib/ContainerModel.h"
#include "lib/SetCounterpart.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::containers {
namespace {

using F = ContainerFamily;
using H = HandleEffect;
using L = LoopEffect;

// Known container templates and classes, by qualified name without inline
// namespaces.
struct KnownType {
  llvm::StringLiteral Name;
  ContainerFamily Family;
};
constexpr KnownType KnownTypes[] = {
    {"std::vector", F::Contiguous},
    {"std::basic_string", F::Contiguous},
    {"llvm::SmallVector", F::Contiguous},
    {"llvm::SmallVectorImpl", F::Contiguous},
    {"absl::InlinedVector", F::Contiguous},
    {"boost::container::vector", F::Contiguous},
    {"boost::container::small_vector", F::Contiguous},
    {"std::deque", F::Deque},
    {"std::list", F::NodeList},
    {"std::forward_list", F::NodeList},
    {"std::map", F::OrderedAssociative},
    {"std::multimap", F::OrderedAssociative},
    {"std::set", F::OrderedAssociative},
    {"std::multiset", F::OrderedAssociative},
    {"std::unordered_map", F::UnorderedAssociative},
    {"std::unordered_multimap", F::UnorderedAssociative},
    {"std::unordered_set", F::UnorderedAssociative},
    {"std::unordered_multiset", F::UnorderedAssociative},
    // absl node_hash_* keep elements in nodes: references survive rehash.
    {"absl::node_hash_map", F::UnorderedAssociative},
    {"absl::node_hash_set", F::UnorderedAssociative},
    // Open addressing: elements live in the table and move on rehash (and, for
    // robin_map, on erase). Sources: Abseil "SwissTables" design notes,
    // Boost.Unordered "unordered_flat_map" reference, folly F14.md,
    // LLVM ProgrammersManual "llvm/ADT/DenseMap.h", tsl::robin_map README.
    {"absl::flat_hash_map", F::OpenAddressing},
    {"absl::flat_hash_set", F::OpenAddressing},
    {"boost::unordered::unordered_flat_map", F::OpenAddressing},
    {"boost::unordered::unordered_flat_set", F::OpenAddressing},
    {"folly::F14FastMap", F::OpenAddressing},
    {"folly::F14ValueMap", F::OpenAddressing},
    {"folly::F14VectorMap", F::OpenAddressing},
    {"folly::F14FastSet", F::OpenAddressing},
    {"folly::F14ValueSet", F::OpenAddressing},
    {"folly::F14VectorSet", F::OpenAddressing},
    {"llvm::DenseMap", F::OpenAddressing},
    {"llvm::SmallDenseMap", F::OpenAddressing},
    {"llvm::DenseSet", F::OpenAddressing},
    {"tsl::robin_map", F::OpenAddressing},
    {"tsl::robin_set", F::OpenAddressing},
};

// Unique-key maps and the set with the same lookup, insertion and erasure
// interface over the keys alone (N4861 [associative.reqmts], [unord.req];
// the libraries' documentation for the others). See lib/SetCounterpart.h.
struct SetCounterpartRow {
  llvm::StringLiteral Map;
  llvm::StringLiteral Set;
};
constexpr SetCounterpartRow SetCounterparts[] = {
    {"std::map", "std::set"},
    {"std::unordered_map", "std::unordered_set"},
    {"absl::flat_hash_map", "absl::flat_hash_set"},
    {"absl::node_hash_map", "absl::node_hash_set"},
    {"boost::unordered::unordered_flat_map",
     "boost::unordered::unordered_flat_set"},
    {"folly::F14FastMap", "folly::F14FastSet"},
    {"folly::F14ValueMap", "folly::F14ValueSet"},
    {"folly::F14VectorMap", "folly::F14VectorSet"},
    {"llvm::DenseMap", "llvm::DenseSet"},
    {"tsl::robin_map", "tsl::robin_set"},
};

// Free functions that modify their first argument, shared by every family:
// [vector.erasure], [deque.erasure], [list.erasure], [map.erasure], ...
#define FREE_ERASURE_RULES                                                     \
  {"std::erase", L::Always, H::Erased, H::Erased, false,                       \
   "[container.erasure]: erases elements the loop may be visiting"},           \
      {"std::erase_if", L::Always, H::Erased, H::Erased, false,                \
       "[container.erasure]: erases elements the loop may be visiting"}

constexpr OperationRule ContiguousRules[] = {
    // [vector.modifiers]/1, [string.require]/4: growth may reallocate.
    {"push_back", L::Always, H::All, H::All, true, "[vector.modifiers]/1"},
    {"emplace_back", L::Always, H::All, H::All, true, "[vector.modifiers]/1"},
    {"insert", L::Always, H::All, H::All, true, "[vector.modifiers]/1"},
    {"emplace", L::Always, H::All, H::All, true, "[vector.modifiers]/1"},
    {"append", L::Always, H::All, H::All, true, "[string.require]/4"},
    {"operator+=", L::Always, H::All, H::All, true, "[string.require]/4"},
    {"append_range", L::Always, H::All, H::All, true, "[vector.modifiers]/1"},
    {"insert_range", L::Always, H::All, H::All, true, "[vector.modifiers]/1"},
    // [vector.modifiers]/3: invalidates at or after the erase point.
    {"erase", L::Always, H::Erased, H::Erased, false, "[vector.modifiers]/3"},
    {"pop_back", L::Always, H::Erased, H::Erased, false,
     "[vector.modifiers]/3"},
    // [sequence.reqmts]: clear/assign invalidate everything.
    {"clear", L::Always, H::All, H::All, false, "[sequence.reqmts]/55"},
    {"assign", L::Always, H::All, H::All, false, "[sequence.reqmts]/62"},
    {"operator=", L::Always, H::All, H::All, false, "[container.reqmts]"},
    {"replace", L::Always, H::All, H::All, false, "[string.require]/4"},
    // [vector.capacity]: reserve/shrink_to_fit/resize may reallocate.
    {"reserve", L::Always, H::All, H::All, false, "[vector.capacity]/5"},
    {"shrink_to_fit", L::Always, H::All, H::All, false,
     "[vector.capacity]/10"},
    {"resize", L::Always, H::All, H::All, false, "[vector.capacity]/15"},
    // [container.reqmts]/49: swap keeps handles valid but they now walk the
    // other container; a loop over it is broken, a handle is not.
    {"swap", L::Always, H::None, H::None, false, "[container.reqmts]/49"},
    FREE_ERASURE_RULES,
};

constexpr OperationRule DequeRules[] = {
    // [deque.modifiers]/1: insertion at either end invalidates all iterators
    // but no references; in the middle it invalidates both.
    {"push_back", L::Always, H::All, H::None, false, "[deque.modifiers]/1"},
    {"push_front", L::Always, H::All, H::None, false, "[deque.modifiers]/1"},
    {"emplace_back", L::Always, H::All, H::None, false, "[deque.modifiers]/1"},
    {"emplace_front", L::Always, H::All, H::None, false,
     "[deque.modifiers]/1"},
    {"insert", L::Always, H::All, H::All, false, "[deque.modifiers]/1"},
    {"emplace", L::Always, H::All, H::All, false, "[deque.modifiers]/1"},
    // [deque.modifiers]/4: erase at an end invalidates the erased elements
    // and the past-the-end iterator; in the middle everything.
    {"erase", L::Always, H::Erased, H::Erased, false, "[deque.modifiers]/4"},
    {"pop_back", L::Always, H::Erased, H::Erased, false,
     "[deque.modifiers]/4"},
    {"pop_front", L::Always, H::Erased, H::Erased, false,
     "[deque.modifiers]/4"},
    {"clear", L::Always, H::All, H::All, false, "[sequence.reqmts]/55"},
    {"assign", L::Always, H::All, H::All, false, "[sequence.reqmts]/62"},
    {"operator=", L::Always, H::All, H::All, false, "[container.reqmts]"},
    {"resize", L::Always, H::All, H::All, false, "[deque.capacity]"},
    {"shrink_to_fit", L::Always, H::All, H::All, false, "[deque.capacity]/5"},
    {"swap", L::Always, H::None, H::None, false, "[container.reqmts]/49"},
    FREE_ERASURE_RULES,
};

constexpr OperationRule NodeListRules[] = {
    // [list.modifiers]/1: insertion affects no iterator or reference.
    // [list.modifiers]/3: erase invalidates only the erased elements.
    {"erase", L::VisitedElement, H::Erased, H::Erased, false,
     "[list.modifiers]/3"},
    {"erase_after", L::VisitedElement, H::Erased, H::Erased, false,
     "[forward.list.modifiers]"},
    // pop_* erase an end element that a loop reaches or has just visited.
    {"pop_front", L::Always, H::Erased, H::Erased, false,
     "[list.modifiers]/3"},
    {"pop_back", L::Always, H::Erased, H::Erased, false, "[list.modifiers]/3"},
    // [list.ops]: remove/unique erase elements chosen by value; the visited
    // one may be among them.
    {"remove", L::Always, H::Erased, H::Erased, false, "[list.ops]/15"},
    {"remove_if", L::Always, H::Erased, H::Erased, false, "[list.ops]/15"},
    {"unique", L::Always, H::Erased, H::Erased, false, "[list.ops]/20"},
    {"clear", L::Always, H::All, H::All, false, "[sequence.reqmts]/55"},
    {"assign", L::Always, H::All, H::All, false, "[sequence.reqmts]/62"},
    {"operator=", L::Always, H::All, H::All, false, "[container.reqmts]"},
    {"resize", L::Always, H::Erased, H::Erased, false, "[list.capacity]"},
    {"swap", L::Always, H::None, H::None, false, "[container.reqmts]/49"},
    FREE_ERASURE_RULES,
};

constexpr OperationRule OrderedRules[] = {
    // [associative.reqmts.general]/9: insert/emplace keep every iterator and
    // reference valid; erase invalidates only the erased elements.
    {"erase", L::VisitedElement, H::Erased, H::Erased, false,
     "[associative.reqmts.general]/9"},
    {"extract", L::VisitedElement, H::Erased, H::Erased, false,
     "[associative.reqmts.general]/9"},
    {"clear", L::Always, H::All, H::All, false, "[associative.reqmts]"},
    {"operator=", L::Always, H::All, H::All, false, "[container.reqmts]"},
    {"swap", L::Always, H::None, H::None, false, "[container.reqmts]/49"},
    FREE_ERASURE_RULES,
};

constexpr OperationRule UnorderedRules[] = {
    // [unord.req.general]/14: insertion may rehash, which invalidates
    // iterators but not references or pointers to elements.
    {"insert", L::Always, H::All, H::None, false, "[unord.req.general]/14"},
    {"emplace", L::Always, H::All, H::None, false, "[unord.req.general]/14"},
    {"emplace_hint", L::Always, H::All, H::None, false,
     "[unord.req.general]/14"},
    {"try_emplace", L::Always, H::All, H::None, false,
     "[unord.req.general]/14"},
    {"insert_or_assign", L::Always, H::All, H::None, false,
     "[unord.req.general]/14"},
    {"operator[]", L::Always, H::All, H::None, false,
     "[unord.req.general]/14"},
    {"merge", L::Always, H::All, H::None, false, "[unord.req.general]/14"},
    // [unord.req.general]/10: rehash/reserve invalidate iterators only.
    {"rehash", L::Always, H::All, H::None, false, "[unord.req.general]/10"},
    {"reserve", L::Always, H::All, H::None, false, "[unord.req.general]/10"},
    // [unord.req.general]/15: erase invalidates only the erased elements.
    {"erase", L::VisitedElement, H::Erased, H::Erased, false,
     "[unord.req.general]/15"},
    {"extract", L::VisitedElement, H::Erased, H::Erased, false,
     "[unord.req.general]/15"},
    {"clear", L::Always, H::All, H::All, false, "[unord.req]"},
    {"operator=", L::Always, H::All, H::All, false, "[container.reqmts]"},
    {"swap", L::Always, H::None, H::None, false, "[container.reqmts]/49"},
    FREE_ERASURE_RULES,
};

constexpr OperationRule OpenAddressingRules[] = {
    // Elements live in the table: any insertion may move all of them.
    {"insert", L::Always, H::All, H::All, false, "library docs (see table)"},
    {"emplace", L::Always, H::All, H::All, false, "library docs"},
    {"emplace_hint", L::Always, H::All, H::All, false, "library docs"},
    {"try_emplace", L::Always, H::All, H::All, false, "library docs"},
    {"insert_or_assign", L::Always, H::All, H::All, false, "library docs"},
    {"operator[]", L::Always, H::All, H::All, false, "library docs"},
    {"FindAndConstruct", L::Always, H::All, H::All, false,
     "llvm/ADT/DenseMap.h"},
    {"merge", L::Always, H::All, H::All, false, "library docs"},
    {"rehash", L::Always, H::All, H::All, false, "library docs"},
    {"reserve", L::Always, H::All, H::All, false, "library docs"},
    {"grow", L::Always, H::All, H::All, false, "llvm/ADT/DenseMap.h"},
    // Erasure: tsl::robin_map shifts elements back, so any erase during a
    // loop is reported; handles are only reported for the erased element
    // because Abseil/Boost/F14/DenseMap keep the others in place.
    {"erase", L::Always, H::Erased, H::Erased, false, "library docs"},
    {"extract", L::Always, H::Erased, H::Erased, false, "library docs"},
    {"clear", L::Always, H::All, H::All, false, "library docs"},
    {"operator=", L::Always, H::All, H::All, false, "library docs"},
    {"swap", L::Always, H::None, H::None, false, "library docs"},
    FREE_ERASURE_RULES,
};

/// Qualified name of \p D's enclosing contexts and itself, skipping inline
/// and anonymous namespaces.
void appendQualifiedName(const DeclContext *DC, std::string &Out) {
  if (!DC || DC->isTranslationUnit())
    return;
  if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
    appendQualifiedName(NS->getParent(), Out);
    if (NS->isInline() || NS->isAnonymousNamespace())
      return;
    Out += NS->getName();
    Out += "::";
    return;
  }
  if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
    appendQualifiedName(RD->getParent(), Out);
    Out += RD->getName();
    Out += "::";
    return;
  }
  appendQualifiedName(DC->getParent(), Out);
}

} // namespace

std::string ContainerModel::qualifiedName(const NamedDecl *D) {
  std::string Name;
  appendQualifiedName(D->getDeclContext(), Name);
  if (const IdentifierInfo *II = D->getIdentifier())
    Name += II->getName();
  return Name;
}

llvm::ArrayRef<OperationRule> ContainerModel::rules(ContainerFamily Family) {
  switch (Family) {
  case F::Contiguous:
    return ContiguousRules;
  case F::Deque:
    return DequeRules;
  case F::NodeList:
    return NodeListRules;
  case F::OrderedAssociative:
    return OrderedRules;
  case F::UnorderedAssociative:
    return UnorderedRules;
  case F::OpenAddressing:
    return OpenAddressingRules;
  }
  return {};
}

// Operations that change a node-based container's contents while keeping
// every iterator and reference valid ([list.modifiers]/1,
// [associative.reqmts.general]/9, [map.access]: operator[] inserts a
// missing key), so the tables above have no row for them.
static constexpr llvm::StringLiteral NonInvalidatingInsertions[] = {
    "insert",      "emplace",     "emplace_hint",     "try_emplace",
    "insert_or_assign", "push_back", "push_front",    "emplace_back",
    "emplace_front",    "insert_after", "emplace_after", "splice",
    "splice_after",     "merge",       "sort",          "reverse"};

bool ContainerModel::modifiesContents(ContainerFamily Family,
                                      llvm::StringRef Operation) {
  if (rule(Family, Operation))
    return true;
  if (Operation == "operator[]")
    return Family == F::OrderedAssociative;
  if (Family != F::NodeList && Family != F::OrderedAssociative)
    return false;
  return llvm::is_contained(NonInvalidatingInsertions, Operation);
}

const OperationRule *ContainerModel::rule(ContainerFamily Family,
                                          llvm::StringRef Operation) {
  for (const OperationRule &Rule : rules(Family))
    if (Rule.Name == Operation)
      return &Rule;
  return nullptr;
}

static constexpr std::pair<llvm::StringLiteral, ContainerFamily> FamilyNames[] =
    {{"contiguous", F::Contiguous},
     {"deque", F::Deque},
     {"node-list", F::NodeList},
     {"ordered", F::OrderedAssociative},
     {"unordered", F::UnorderedAssociative},
     {"open-addressing", F::OpenAddressing}};

llvm::StringRef ContainerModel::familyName(ContainerFamily Family) {
  for (const auto &[Name, Fam] : FamilyNames)
    if (Fam == Family)
      return Name;
  return "";
}

std::optional<ContainerFamily>
ContainerModel::parseFamily(llvm::StringRef Name) {
  for (const auto &[Known, Fam] : FamilyNames)
    if (Known == Name)
      return Fam;
  return std::nullopt;
}

bool ContainerModel::addExtraContainers(llvm::StringRef Spec,
                                        std::string &Error) {
  llvm::SmallVector<llvm::StringRef, 8> Entries;
  Spec.split(Entries, ';', -1, /*KeepEmpty=*/false);
  std::string FamilyList;
  for (const auto &[Name, Fam] : FamilyNames)
    FamilyList += (FamilyList.empty() ? "" : ", ") + Name.str();
  // Nothing is added unless every entry is valid: a rejected option is
  // ignored as a whole.
  std::vector<ExtraContainer> NewExtra;
  std::vector<llvm::Regex> NewRegexes;
  for (llvm::StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    auto [Pattern, FamilyText] = Entry.rsplit('=');
    Pattern = Pattern.trim();
    FamilyText = FamilyText.trim();
    if (!Entry.contains('=') || Pattern.empty()) {
      Error = "entry '" + Entry.str() +
              "' is not of the form 'type-regex=family' (families: " +
              FamilyList + ")";
      return false;
    }
    std::optional<ContainerFamily> Family = parseFamily(FamilyText);
    if (!Family) {
      Error = "entry '" + Entry.str() + "' names unknown family '" +
              FamilyText.str() + "' (families: " + FamilyList + ")";
      return false;
    }
    llvm::Regex Regex(("^(" + Pattern + ")$").str());
    std::string RegexError;
    if (!Regex.isValid(RegexError)) {
      Error = "entry '" + Entry.str() + "' has an invalid regex: " + RegexError;
      return false;
    }
    NewExtra.push_back({Pattern.str(), *Family});
    NewRegexes.push_back(std::move(Regex));
  }
  for (ExtraContainer &E : NewExtra)
    Extra.push_back(std::move(E));
  for (llvm::Regex &R : NewRegexes)
    ExtraRegexes.push_back(std::move(R));
  Cache.clear();
  return true;
}

std::optional<ContainerFamily>
ContainerModel::classifyRecord(const CXXRecordDecl *RD, unsigned Depth) const {
  const NamedDecl *Named = RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    Named = Spec->getSpecializedTemplate();
  std::string Name = qualifiedName(Named);
  for (size_t I = 0; I < ExtraRegexes.size(); ++I)
    if (ExtraRegexes[I].match(Name))
      return Extra[I].Family;
  for (const KnownType &Known : KnownTypes)
    if (Known.Name == Name)
      return Known.Family;
  // A user class derived from a container is that container.
  RD = RD->getDefinition();
  if (!RD || Depth > 4)
    return std::nullopt;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (const CXXRecordDecl *BaseRD = Base.getType()->getAsCXXRecordDecl())
      if (std::optional<ContainerFamily> Family =
              classifyRecord(BaseRD, Depth + 1))
        return Family;
  return std::nullopt;
}

std::optional<MapAsSet> setCounterpart(QualType T) {
  if (T.isNull())
    return std::nullopt;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() < 2 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
      Spec->getTemplateArgs()[1].getKind() != TemplateArgument::Type)
    return std::nullopt;
  const std::string Name =
      ContainerModel::qualifiedName(Spec->getSpecializedTemplate());
  for (const SetCounterpartRow &Known : SetCounterparts) {
    if (Known.Map != Name)
      continue;
    MapAsSet Result{Known.Set, Spec->getTemplateArgs()[0].getAsType(),
                    Spec->getTemplateArgs()[1].getAsType()};
    // The arguments as written (`std::string`, not its canonical spelling).
    if (const auto *Written = T->getAs<TemplateSpecializationType>();
        Written && Written->template_arguments().size() >= 2 &&
        Written->template_arguments()[0].getKind() == TemplateArgument::Type &&
        Written->template_arguments()[1].getKind() == TemplateArgument::Type) {
      Result.Key = Written->template_arguments()[0].getAsType();
      Result.Mapped = Written->template_arguments()[1].getAsType();
    }
    return Result;
  }
  return std::nullopt;
}

std::optional<ContainerFamily> ContainerModel::classify(QualType T) const {
  if (T.isNull())
    return std::nullopt;
  const Type *Canonical = T.getCanonicalType().getTypePtr();
  auto [It, Inserted] = Cache.try_emplace(Canonical, std::nullopt);
  if (!Inserted)
    return It->second;
  std::optional<ContainerFamily> Family;
  if (const CXXRecordDecl *RD = Canonical->getAsCXXRecordDecl())
    Family = classifyRecord(RD, 0);
  else if (const auto *TST = Canonical->getAs<TemplateSpecializationType>())
    // Dependent `std::vector<T>` inside a template.
    if (const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
      if (const auto *CTD = dyn_cast<ClassTemplateDecl>(TD))
        Family = classifyRecord(CTD->getTemplatedDecl(), 0);
  Cache[Canonical] = Family;
  return Family;
}

} // namespace clang::tidy::containers
