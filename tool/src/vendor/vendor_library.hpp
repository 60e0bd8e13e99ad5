// A vendor library opened at run time. Nothing in the probe links against a
// vendor library, so the probe builds and runs on machines without one.
#pragma once

#include <string>

namespace torchcompat {

class VendorLibrary {
 public:
  // Opens `name` (a bare soname searches the loader's path; a path is used as
  // is). Check is_open(); on failure error() says why.
  explicit VendorLibrary(const std::string& name);
  ~VendorLibrary();
  VendorLibrary(const VendorLibrary&) = delete;
  VendorLibrary& operator=(const VendorLibrary&) = delete;

  bool is_open() const { return handle_ != nullptr; }
  const std::string& error() const { return error_; }

  // The address of a symbol, or nullptr.
  void* symbol(const char* name) const;

  // The file the loader actually opened: a bare soname resolved through
  // LD_LIBRARY_PATH, the cache or RUNPATH becomes the full path. Where the
  // loader can't be asked directly, the file holding `exported_symbol` is.
  std::string loaded_path(const char* exported_symbol) const;

  // Fills a function pointer from a symbol; false when the symbol is absent.
  template <typename Function>
  bool bind(Function& function, const char* name) const {
    // POSIX guarantees data and function pointers convert; that is the whole
    // point of dlsym.
    function = reinterpret_cast<Function>(symbol(name));
    return function != nullptr;
  }

 private:
  void* handle_ = nullptr;
  std::string error_;
};

}  // namespace torchcompat
