package com.shopassist.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OrderNumbersTest {

    @Test
    void aNumberIsTheStoresDateAndTheOrderId() {
        String n = OrderNumbers.of(123, Instant.parse("2026-11-25T20:00:00Z"), ZoneId.of("Asia/Jakarta"));
        assertThat(n).isEqualTo("SA-20261126-000123");
        assertThat(OrderNumbers.isOrderNumber(n)).isTrue();
    }

    @Test
    void numbersAreFoundInSentencesInAnyCase() {
        assertThat(OrderNumbers.find("where is sa-20261125-000123?")).isEqualTo("SA-20261125-000123");
        assertThat(OrderNumbers.find("order 12")).isNull();
        assertThat(OrderNumbers.find("SA-99999999-99999999999")).isNull();
        assertThat(OrderNumbers.isOrderNumber("#12")).isFalse();
        assertThat(OrderNumbers.isOrderNumber(" SA-20261125-7 ")).isTrue();
    }
}
