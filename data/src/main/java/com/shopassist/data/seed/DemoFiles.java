package com.shopassist.data.seed;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The fixed records of the demo, read from UTF-8 JSON beside this class: {@code demo-customers.json}
 * (customers in id order, the clerk last, each with its addresses in id order) and {@code
 * demo-vouchers.json} (vouchers in id order). Changing either file changes the seed.
 */
final class DemoFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            // every field is written out, nulls included: a typo in a name fails the seed
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private DemoFiles() {}

    /** A customer (or the clerk); the phone is also the phone of each address. */
    record CustomerRow(
            String fullName,
            String email,
            int age,
            String gender,
            String phone,
            String role,
            String tier,
            List<AddressRow> addresses) {}

    record AddressRow(
            String label,
            String street,
            String city,
            String state,
            String postalCode,
            BigDecimal lat,
            BigDecimal lng,
            @JsonProperty("isDefault") boolean isDefault) {}

    /** {@code validFromDays} and {@code validUntilDays} count days from the day of seeding (negative: before). */
    record VoucherRow(
            String code,
            String description,
            String type,
            long value,
            long minPurchase,
            Long maxDiscount,
            Integer usageLimit,
            int usedCount,
            int validFromDays,
            int validUntilDays,
            boolean active) {}

    static List<CustomerRow> customers() {
        return read("demo-customers.json", new TypeReference<>() {});
    }

    static List<VoucherRow> vouchers() {
        return read("demo-vouchers.json", new TypeReference<>() {});
    }

    private static <T> List<T> read(String name, TypeReference<List<T>> type) {
        try (InputStream in = DemoFiles.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the class path");
            return List.copyOf(JSON.readValue(in, type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
