// catch_main.cpp — Catch2's main for the Windows test binary (its own object: the header is slow to compile).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
