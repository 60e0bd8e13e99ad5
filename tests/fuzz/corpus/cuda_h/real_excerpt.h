261- * CUDA API version number
262- */
263:#define CUDA_VERSION 13000
264-
265-#ifdef __cplusplus
