#include "vendor_library.hpp"

#include <filesystem>
#include <system_error>

#if defined(_WIN32)
#include <windows.h>
#else
#include <dlfcn.h>
#if defined(__GLIBC__)
#include <link.h>
#endif
#endif

namespace torchcompat {

#if defined(_WIN32)

VendorLibrary::VendorLibrary(const std::string& name) {
  handle_ = reinterpret_cast<void*>(LoadLibraryA(name.c_str()));
  if (handle_ == nullptr) {
    error_ = name + ": LoadLibrary failed with error " + std::to_string(GetLastError());
  }
}

VendorLibrary::~VendorLibrary() {
  if (handle_ != nullptr) FreeLibrary(reinterpret_cast<HMODULE>(handle_));
}

void* VendorLibrary::symbol(const char* name) const {
  if (handle_ == nullptr) return nullptr;
  return reinterpret_cast<void*>(GetProcAddress(reinterpret_cast<HMODULE>(handle_), name));
}

std::string VendorLibrary::loaded_path(const char*) const {
  char buffer[MAX_PATH * 4];
  const DWORD length =
      GetModuleFileNameA(reinterpret_cast<HMODULE>(handle_), buffer, sizeof buffer);
  return length == 0 ? std::string() : std::string(buffer, length);
}

#else

VendorLibrary::VendorLibrary(const std::string& name) {
  // RTLD_LOCAL keeps a vendor library's symbols from leaking into the next
  // one we open; RTLD_NOW reports a broken library here, not at first call.
  handle_ = dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle_ == nullptr) {
    const char* message = dlerror();
    error_ = message != nullptr ? message : name + ": cannot be opened";
  }
}

VendorLibrary::~VendorLibrary() {
  if (handle_ != nullptr) dlclose(handle_);
}

void* VendorLibrary::symbol(const char* name) const {
  if (handle_ == nullptr) return nullptr;
  return dlsym(handle_, name);
}

namespace {

// A relative LD_LIBRARY_PATH entry gives a relative name; the report should
// still say where the file is. Lexical only: libcuda.so.1 stays libcuda.so.1.
std::string absolute(const char* path) {
  std::error_code error;
  const auto full = std::filesystem::absolute(path, error);
  return error ? std::string(path) : full.lexically_normal().string();
}

}  // namespace

std::string VendorLibrary::loaded_path(const char* exported_symbol) const {
  if (handle_ == nullptr) return {};
#if defined(__GLIBC__)
  struct link_map* map = nullptr;
  if (dlinfo(handle_, RTLD_DI_LINKMAP, &map) == 0 && map != nullptr && map->l_name != nullptr &&
      map->l_name[0] != '\0') {
    return absolute(map->l_name);
  }
#endif
  Dl_info info{};
  void* address = symbol(exported_symbol);
  if (address != nullptr && dladdr(address, &info) != 0 && info.dli_fname != nullptr) {
    return absolute(info.dli_fname);
  }
  return {};
}

#endif

}  // namespace torchcompat
