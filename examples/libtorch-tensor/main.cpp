// Computes with libtorch tensors and prints results a test can check:
// the product of [[1,2,3],[4,5,6]] and [[1,2],[3,4],[5,6]] is [[22,28],[49,64]].
#include <torch/torch.h>

#include <iostream>

int main() {
  const torch::Tensor a = torch::arange(1, 7, torch::kFloat64).reshape({2, 3});
  const torch::Tensor b = torch::arange(1, 7, torch::kFloat64).reshape({3, 2});
  const torch::Tensor product = torch::matmul(a, b);

  std::cout << "matmul: [[" << product[0][0].item<double>() << ", "
            << product[0][1].item<double>() << "], [" << product[1][0].item<double>()
            << ", " << product[1][1].item<double>() << "]]\n";
  std::cout << "sum: " << product.sum().item<double>() << "\n";
  std::cout << "libtorch: " << TORCH_VERSION_MAJOR << "." << TORCH_VERSION_MINOR << "."
            << TORCH_VERSION_PATCH << "\n";
  return 0;
}
