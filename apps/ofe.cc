#include <CLI/CLI.hpp>
#include <fmt/format.h>

int main(int argc, char** argv) {
  CLI::App app{"ofe: optical interconnect and network fabric emulator"};
  CLI11_PARSE(app, argc, argv);
  return 0;
}
