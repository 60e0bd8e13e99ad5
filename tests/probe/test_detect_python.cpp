#include <gtest/gtest.h>

#include "detectors/detect_python.hpp"
#include "fake_file_system.hpp"
#include "detectors/python_metadata.hpp"

namespace torchcompat {
namespace {

using testing::FakeFileSystem;

TEST(PackageMetadata, ReadsNameAndVersionFromTheHeader) {
  auto metadata = parse_package_metadata(
      "Metadata-Version: 2.1\r\nName: torch\r\nVersion: 2.4.0+cu121\r\nSummary: x\r\n\r\nVersion: 9.9.9\r\n");
  ASSERT_TRUE(metadata);
  EXPECT_EQ(metadata->name, "torch");
  EXPECT_EQ(metadata->version, "2.4.0+cu121");
}

TEST(PackageMetadata, RejectsMissingOrBadVersion) {
  EXPECT_FALSE(parse_package_metadata("Name: torch\n"));
  EXPECT_FALSE(parse_package_metadata("Name: torch\nVersion: banana\n"));
  EXPECT_FALSE(parse_package_metadata("\nName: torch\nVersion: 1.0\n"));  // in the body
  EXPECT_FALSE(parse_package_metadata(""));
}

TEST(PackageMetadata, DirectoryNames) {
  auto dist = parse_metadata_directory_name("torch-2.4.0+cu121.dist-info");
  ASSERT_TRUE(dist);
  EXPECT_EQ(dist->name, "torch");
  EXPECT_EQ(dist->version, "2.4.0+cu121");
  auto egg = parse_metadata_directory_name("torchvision-0.14.1a0-py3.11.egg-info");
  ASSERT_TRUE(egg);
  EXPECT_EQ(egg->version, "0.14.1a0");
  EXPECT_FALSE(parse_metadata_directory_name("torch"));
  EXPECT_FALSE(parse_metadata_directory_name("-1.0.dist-info"));
  EXPECT_EQ(normalize_package_name("Torch_Vision"), "torch-vision");
}

TEST(InterpreterAnswer, SkipsNoiseBeforeTheMarker) {
  auto answer = parse_interpreter_answer(
      "sitecustomize says hi\ntorchcompat-python-answer-v1\n3.11.2\n/usr/bin/python3\n\n/usr/lib/python3.11\n"
      "/usr/lib/python3/dist-packages\n");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->version, "3.11.2");
  EXPECT_EQ(answer->executable, "/usr/bin/python3");
  EXPECT_EQ(answer->path, (std::vector<std::string>{"/usr/lib/python3.11", "/usr/lib/python3/dist-packages"}));
  EXPECT_FALSE(parse_interpreter_answer("Python 2.7.18\n"));
  EXPECT_FALSE(parse_interpreter_answer("torchcompat-python-answer-v1\n3.11.2\n"));
}

InterpreterRunner interpreter_answering(const std::vector<std::string>& path) {
  return [path](const std::vector<std::string>& argv) {
    ProcessResult result;
    result.status = Status::found;
    result.exit_code = 0;
    result.out = "torchcompat-python-answer-v1\n3.12.1\n/venv/bin/python\n";
    for (const auto& entry : path) result.out += entry + "\n";
    EXPECT_EQ(argv.at(1), "-c");
    return result;
  };
}

FakeFileSystem fake_python_tree() {
  FakeFileSystem fs;
  fs.file("/venv/bin/python", "", true)
      .env("PATH", "/venv/bin")
      .file("/venv/site/torch-2.4.0+cu121.dist-info/METADATA", "Metadata-Version: 2.1\nName: torch\nVersion: 2.4.0+cu121\n")
      .file("/venv/site/torchvision-0.19.0+cu121.dist-info/METADATA", "Name: torchvision\nVersion: 0.19.0+cu121\n")
      // Shadowed: a later sys.path entry never wins over an earlier one.
      .file("/usr/lib/python3/dist-packages/torch-1.13.0a0+gitunknown.egg-info/PKG-INFO",
            "Name: torch\nVersion: 1.13.0a0+gitunknown\n")
      .file("/usr/lib/python3/dist-packages/torchaudio-0.13.1.egg-info/PKG-INFO", "Name: torchaudio\nVersion: 0.13.1\n");
  return fs;
}

TEST(DetectPython, ReadsPackagesInImportOrderWithLocalVersion) {
  FakeFileSystem fs = fake_python_tree();
  Options options;
  options.python = "python";
  auto python = detect_python(options, fs, interpreter_answering({"/venv/site", "/usr/lib/python3/dist-packages"}));
  ASSERT_EQ(python.status, Status::found) << python.reason;
  EXPECT_EQ(python.version, "3.12.1");
  EXPECT_EQ(python.executable, "/venv/bin/python");
  ASSERT_TRUE(python.torch);
  EXPECT_EQ(python.torch->version, "2.4.0+cu121");
  EXPECT_EQ(python.torch->location, "/venv/site/torch-2.4.0+cu121.dist-info");
  ASSERT_TRUE(python.torchvision);
  EXPECT_EQ(python.torchvision->version, "0.19.0+cu121");
  ASSERT_TRUE(python.torchaudio);
  EXPECT_EQ(python.torchaudio->version, "0.13.1");
}

TEST(DetectPython, MetadataFileWinsOverTheDirectoryName) {
  FakeFileSystem fs;
  fs.file("/py", "", true).file("/site/torch-1.0.0.dist-info/METADATA", "Name: torch\nVersion: 1.0.1\n");
  Options options;
  options.python = "/py";
  auto python = detect_python(options, fs, interpreter_answering({"/site"}));
  ASSERT_TRUE(python.torch);
  EXPECT_EQ(python.torch->version, "1.0.1");
}

TEST(DetectPython, MissingInterpreterIsNotFound) {
  FakeFileSystem fs;
  fs.env("PATH", "/bin");
  auto runner = [](const std::vector<std::string>&) -> ProcessResult {
    ADD_FAILURE() << "nothing to run";
    return {};
  };
  auto on_path = detect_python(Options{}, fs, runner);
  EXPECT_EQ(on_path.status, Status::not_found);
  EXPECT_EQ(on_path.reason, "no python3 on PATH");
  Options options;
  options.python = "/opt/python/bin/python3";
  auto explicit_path = detect_python(options, fs, runner);
  EXPECT_EQ(explicit_path.status, Status::not_found);
  EXPECT_NE(explicit_path.reason.find("not an executable file"), std::string::npos);
}

TEST(DetectPython, FailingInterpreterKeepsItsReason) {
  FakeFileSystem fs;
  fs.file("/py", "", true);
  Options options;
  options.python = "/py";
  auto hung = detect_python(options, fs, [](const std::vector<std::string>&) {
    ProcessResult result;
    result.status = Status::timed_out;
    result.reason = "timed out after 5 s";
    return result;
  });
  EXPECT_EQ(hung.status, Status::timed_out);
  EXPECT_EQ(hung.reason, "the interpreter timed out after 5 s");
  auto gibberish = detect_python(options, fs, [](const std::vector<std::string>&) {
    ProcessResult result;
    result.status = Status::found;
    result.out = "Python 2.7.18";
    return result;
  });
  EXPECT_EQ(gibberish.status, Status::error);
}

}  // namespace
}  // namespace torchcompat
