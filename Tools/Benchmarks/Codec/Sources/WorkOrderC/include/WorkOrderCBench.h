// One call per benchmarked operation, written as a C program would use protobuf-c, so
// that the Swift timing loop measures the library and not Swift-to-C bridging.
#ifndef WORK_ORDER_C_BENCH_H
#define WORK_ORDER_C_BENCH_H

#include <stddef.h>
#include <stdint.h>
#include "workorder.pb-c.h"

/// Sizes, allocates, packs and frees one message; returns the encoded size.
size_t wo_bench_encode_work_order(const Portico__Bench__V1__WorkOrder *message);
size_t wo_bench_encode_work_order_list(const Portico__Bench__V1__WorkOrderList *list);

/// Unpacks and frees one message; returns the number of top-level fields it touched
/// (0 when the input did not parse), so the caller can check the result.
size_t wo_bench_decode_work_order(const uint8_t *bytes, size_t length);
size_t wo_bench_decode_work_order_list(const uint8_t *bytes, size_t length);

/// Packs `message` into `buffer` (of at least get_packed_size bytes); returns the size.
size_t wo_bench_pack_work_order(const Portico__Bench__V1__WorkOrder *message, uint8_t *buffer);
size_t wo_bench_pack_work_order_list(const Portico__Bench__V1__WorkOrderList *list, uint8_t *buffer);

#endif
