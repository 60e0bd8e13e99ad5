// The program's registry of the work it hands to isolated children, by name.
// A forked child (POSIX) runs a task's work directly; on Windows the child is
// the probe started again as `torchcompat-probe --isolated-child <pipe> <task>
// <arguments...>`, and this registry is how it finds its work again.
#pragma once

#include <string>

#include "isolation/isolate.hpp"

namespace torchcompat {

// The task's work, or nullptr for a name no task has.
ChildWork find_child_work(const std::string& name);

}  // namespace torchcompat
