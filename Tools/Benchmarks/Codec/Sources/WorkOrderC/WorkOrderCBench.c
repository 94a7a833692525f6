#include "WorkOrderCBench.h"

#include <stdlib.h>

size_t wo_bench_encode_work_order(const Portico__Bench__V1__WorkOrder *message) {
    size_t size = portico__bench__v1__work_order__get_packed_size(message);
    uint8_t *buffer = malloc(size);
    size_t written = portico__bench__v1__work_order__pack(message, buffer);
    free(buffer);
    return written;
}

size_t wo_bench_encode_work_order_list(const Portico__Bench__V1__WorkOrderList *list) {
    size_t size = portico__bench__v1__work_order_list__get_packed_size(list);
    uint8_t *buffer = malloc(size);
    size_t written = portico__bench__v1__work_order_list__pack(list, buffer);
    free(buffer);
    return written;
}

size_t wo_bench_decode_work_order(const uint8_t *bytes, size_t length) {
    Portico__Bench__V1__WorkOrder *message =
        portico__bench__v1__work_order__unpack(NULL, length, bytes);
    if (message == NULL) {
        return 0;
    }
    size_t touched = 1 + message->n_line_items + message->n_tags + message->n_custom_fields;
    portico__bench__v1__work_order__free_unpacked(message, NULL);
    return touched;
}

size_t wo_bench_decode_work_order_list(const uint8_t *bytes, size_t length) {
    Portico__Bench__V1__WorkOrderList *list =
        portico__bench__v1__work_order_list__unpack(NULL, length, bytes);
    if (list == NULL) {
        return 0;
    }
    size_t touched = 1 + list->n_work_orders;
    portico__bench__v1__work_order_list__free_unpacked(list, NULL);
    return touched;
}

size_t wo_bench_pack_work_order(const Portico__Bench__V1__WorkOrder *message, uint8_t *buffer) {
    return portico__bench__v1__work_order__pack(message, buffer);
}

size_t wo_bench_pack_work_order_list(const Portico__Bench__V1__WorkOrderList *list, uint8_t *buffer) {
    return portico__bench__v1__work_order_list__pack(list, buffer);
}
