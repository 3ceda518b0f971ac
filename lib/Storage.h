//===- Storage.h - long-lived containers and what goes in and out ---------===//
//
// Design note. Storage answers two questions about the containers of one
// translation unit, from ONE pass of cheap matchers (anchored on calls and
// loops whose object is a global, static or member container, and on the
// references to such containers), decided at the end of the TU:
//
// 1. Is a container declaration long-lived? A namespace-scope variable, a
//    static data member, a function-local static, a data member of a class
//    used as a singleton in the TU (some variable of static storage duration
//    has the class's type or points to it: a static instance, the static
//    local of a `static T &instance()` accessor, `static T *p = new T`; not
//    a static pointer that is assigned `this`, which points at whichever
//    instance was constructed last), and,
//    when asked for (MemberContainers), any data member of any other class.
//    A class that some local variable or by-value parameter of the TU has as
//    its type is a value type: its members are never long-lived.
//    thread_local variables are not long-lived: they die with their thread.
//
// 2. The inventory: where each such container is inserted into and removed
//    from. Removal is `erase`, `extract`, `clear`, `swap`, `pop_*`,
//    `remove*`, `resize`, `assign`, assignment, `std::erase`/`erase_if`, and
//    any non-const member call the table does not know (a user subclass's
//    own `cleanup()`). Every reference to the container that is neither the
//    object of a member call, nor a range-for's range, nor of const type
//    "escapes" (passed to a function, bound to a reference, moved from,
//    returned, its address taken): what happens through it is unknown, so
//    an escaping container counts as removed from.
//
// Visibility (DESIGN.md section 3). Another translation unit may erase from
// a container this one cannot see all accesses of, so each declaration has a
// visibility:
// - Proven: only this TU can reach it: internal linkage (`static`, anonymous
//   namespace), a function-local static, or a member (or static member) of a
//   class whose every user-declared member function is defined in this TU,
//   that has no friends, and whose container is private (or whose class is
//   defined in the main file or has internal linkage);
// - ThisTU: a namespace-scope variable with external linkage every
//   declaration of which is in the main file: only an `extern` declaration
//   written in another TU could reach it; reports say "in this translation
//   unit";
// - Unknown: anything else (declared in a header with external linkage,
//   members of classes with member functions defined elsewhere, templates):
//   no report.
//
// Cost. The matchers are tried on every reference to a variable of static
// storage duration and every member expression of the TU, headers included,
// so the first thing each one tests is follows(): a memoized answer per
// declaration, which turns away everything that is not a container Storage
// follows before any callback runs. The checks built on Storage share one
// inventory per translation unit (Storage::shared), so the matchers run once
// whichever of them are enabled.
//
// Each declaration's record (StorageRecord) is plain data keyed by the
// declaration's USR, so that a whole-program pass could merge the records of
// every TU and decide "never removed" across the project; that pass does not
// exist yet.
//
// Simplifications, on purpose:
// - Members of class templates (and static members of them) are Unknown: an
//   uninstantiated member function's erase is invisible in the
//   specialization.
// - A function counts as start-up code when a static initialiser of this TU
//   calls it (other callers are not looked for), when it is `main`, or a
//   `__attribute__((constructor))` function; a constructor of the class
//   that owns a member container sets it up. Insertions there are not growth.
// - Statements of a function after a local class defined in it are not
//   attributed to the function (the traversal order is used, not parents):
//   their insertions are not growth either.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_STORAGE_H
#define CONTAINERS_TIDY_LIB_STORAGE_H

#include "lib/ContainerModel.h"
#include "lib/DeclFilter.h"
#include "lib/TraversalPosition.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::containers {

enum class LongLivedKind : unsigned char {
  None,            ///< not long-lived
  Global,          ///< namespace-scope variable
  StaticMember,    ///< static data member
  StaticLocal,     ///< function-local static
  SingletonMember, ///< member of a class used as a singleton in the TU
  Member,          ///< member of a class with no short-lived object in the TU
};

enum class Visibility : unsigned char {
  Unknown, ///< another TU may reach it: say nothing
  ThisTU,  ///< external linkage, declared only in the main file
  Proven,  ///< only this TU can reach it
};

/// The serialisable part of the inventory of one container declaration.
struct StorageRecord {
  std::string USR;
  std::string Name;
  LongLivedKind Kind = LongLivedKind::None;
  Visibility Visible = Visibility::Unknown;
  unsigned Insertions = 0;
  unsigned Removals = 0;
  bool Escapes = false;      ///< referenced where Storage cannot follow it
  bool SizeCompared = false; ///< `size()` is compared somewhere in the TU
};

/// One insertion into a container.
struct StorageInsertion {
  const Expr *Call = nullptr;
  SourceLocation Loc;
  llvm::StringRef Operation; ///< "emplace", "operator[]", ...
  /// The function whose body holds the call; null in a static initialiser
  /// or where the traversal cannot tell.
  const FunctionDecl *Function = nullptr;
  /// Growth: not start-up code, and not a compile-time constant key of a
  /// map (which writes the same slot again).
  bool Grows = false;
  bool ConstantKey = false;
  /// Every argument of an insertion into a sequence is a compile-time
  /// constant: a table filled from literals.
  bool ConstantValues = false;
};

/// A long-lived container and its inventory, decided at the end of the TU.
struct StorageEntry {
  const ValueDecl *Decl = nullptr; ///< VarDecl or FieldDecl
  QualType ContainerType;          ///< the container (pointee of a pointer)
  ContainerFamily Family = ContainerFamily::Contiguous;
  StorageRecord Record;
  std::vector<StorageInsertion> Insertions;
  /// For members: the class; for singleton members, a static instance.
  const CXXRecordDecl *Class = nullptr;
  const VarDecl *Instance = nullptr;
};

/// How the declaration note describes \p E: "at namespace scope", "as a
/// member of 'Registry', which is used as a singleton", ...
std::string describeLongLived(const StorageEntry &E);

/// The first insertion into \p E that grows it, in source order; null when
/// none does. \p TablesGrow: whether insertions of constant values only
/// into a sequence count.
const StorageInsertion *firstGrowth(const StorageEntry &E,
                                    const SourceManager &SM, bool TablesGrow);

class Storage : public DeclFilter {
public:
  /// The inventory of the translation unit \p Finder matches, for the
  /// container table \p ExtraContainers (the `containers.ExtraContainers`
  /// value) adds to: one per pair, shared by every check that asks, so that
  /// Storage's matchers run once per translation unit however many checks
  /// use it. The first caller's \p Callback receives the matches and must
  /// hand each to observe(); later callers get the same inventory and no
  /// matches (they are registered with \p Finder for the end of the TU
  /// only). Every check of a translation unit gets its inventory before the
  /// first match, and decides from it at its end.
  static std::shared_ptr<Storage>
  shared(ast_matchers::MatchFinder *Finder, llvm::StringRef ExtraContainers,
         ast_matchers::MatchFinder::MatchCallback *Callback);

  explicit Storage(llvm::StringRef ExtraContainers);

  /// Adds Storage's matchers, reporting to \p Callback, which hands every
  /// match to observe().
  void registerMatchers(ast_matchers::MatchFinder *Finder,
                        ast_matchers::MatchFinder::MatchCallback *Callback);
  /// Records one match of Storage's matchers. A match from another AST than
  /// the last one starts a new inventory.
  void observe(const ast_matchers::MatchFinder::MatchResult &Result);

  /// The long-lived containers of the TU whose visibility is not Unknown,
  /// with their inventories, in source order; with \p MemberContainers,
  /// the data members of classes that are not singletons too (see
  /// LongLivedKind::Member). Call at the end of the TU, as often as needed;
  /// null context (no match seen) gives nothing.
  std::vector<StorageEntry> decide(bool MemberContainers);
  void clear();
  /// The AST of the TU being observed; null before the first match.
  ASTContext *context() const { return Context; }

  /// Does Storage follow \p D: a container (or a pointer to one) that is a
  /// data member or a variable of static, not thread, storage duration,
  /// declared outside system headers? Matchers test this first, so that no
  /// other reference reaches a callback; memoized per declaration
  /// (DeclFilter).
  bool follows(const ValueDecl *D) { return accepts(D); }
  /// Does the definition of \p RD have a data member Storage follows?
  /// (Only local objects of such classes tell anything.) Memoized.
  bool hasFollowedField(const CXXRecordDecl *RD);

protected:
  bool decide(const ValueDecl *D) override;

private:
  struct Tracked {
    StorageEntry Entry;
    llvm::SmallVector<const Expr *, 4> Refs;
  };
  /// The entry for \p D, when Storage follows it.
  Tracked *track(const ValueDecl *D);
  void addOperation(const Expr *Call);
  void account(const Expr *Object);
  void addStaticInit(const VarDecl *Var);
  LongLivedKind kindOf(const StorageEntry &E, bool MemberContainers) const;
  Visibility visibilityOf(const StorageEntry &E) const;
  bool isStartUp(const StorageInsertion &I, const StorageEntry &E) const;
  void decideSingletons();

  ContainerModel Model;
  ASTContext *Context = nullptr;
  llvm::MapVector<const ValueDecl *, Tracked> Entries;
  llvm::DenseMap<const CXXRecordDecl *, bool> RecordsWithFollowedField;
  llvm::DenseSet<const Expr *> Accounted;
  /// The first static object of each class, or static pointer to one that
  /// is never assigned `this` (a `static Fixture *current_` set in the
  /// constructor points at whichever instance was made last: not a
  /// singleton).
  llvm::DenseMap<const CXXRecordDecl *, const VarDecl *> Singletons;
  llvm::MapVector<const CXXRecordDecl *, llvm::SmallVector<const VarDecl *, 2>>
      StaticInstances;
  llvm::DenseSet<const VarDecl *> AssignedThis;
  llvm::DenseSet<const CXXRecordDecl *> ShortLived;
  llvm::DenseSet<const FunctionDecl *> StaticInitCallees;
  std::vector<SourceRange> StaticInitRanges;
  std::shared_ptr<TraversalPosition> Position;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_STORAGE_H
