#include "report.hpp"

namespace torchcompat {

const char* to_string(Status status) {
  switch (status) {
    case Status::found: return "found";
    case Status::not_found: return "not_found";
    case Status::error: return "error";
    case Status::crashed: return "crashed";
    case Status::timed_out: return "timed_out";
    case Status::overridden: return "overridden";
  }
  return "error";
}

}  // namespace torchcompat
