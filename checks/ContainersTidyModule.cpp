//===- ContainersTidyModule.cpp - registers the containers-* checks -------===//

#include "checks/BoolMapAsSetCheck.h"
#include "checks/EscapingElementCaptureCheck.h"
#include "checks/IteratorInvalidationCheck.h"
#include "checks/LongLivedCancellationTokenCheck.h"
#include "checks/SubscriptLookupCheck.h"
#include "checks/UnboundedGrowthCheck.h"
#include "checks/UncheckedFindCheck.h"
#include "checks/UnsynchronizedMutationCheck.h"
#include "lib/Compat.h"

namespace clang::tidy::containers {

class ContainersTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
#define CONTAINERS_CHECK(Name, Class, Maturity, Summary)                       \
  Factories.registerCheck<Class>(Name);
#include "checks/Checks.def"
  }
};

// Registers into clang-tidy's own registry (the host executable owns it).
static ClangTidyModuleRegistry::Add<ContainersTidyModule>
    Registration("ContainersTidyModule",
                 "container lifetime and concurrency checks");

} // namespace clang::tidy::containers
