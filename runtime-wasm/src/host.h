// host.h — Math.random and the clocks (host.cpp).
#pragma once

namespace dx::rt {

void random_reset();  // the next math_random() seeds again from the host
double math_random();

}  // namespace dx::rt
