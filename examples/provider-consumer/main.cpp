// An ordinary libtorch program: the 3x3 identity plus ones has trace 6 and sum 12.
#include <torch/torch.h>

#include <iostream>

int main() {
  const torch::Tensor m = torch::eye(3) + torch::ones({3, 3});
  std::cout << "trace: " << m.trace().item<float>() << "\n";
  std::cout << "sum: " << m.sum().item<float>() << "\n";
  return 0;
}
