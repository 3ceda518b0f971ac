#include "table.h"
int two() { return 2; }
