#ifndef __cuda_cuda_h__
#define __cuda_cuda_h__
#define CUDA_VERSION_MAJOR 12
#  define   CUDA_VERSION	12040 /* 12.4 */
#endif
