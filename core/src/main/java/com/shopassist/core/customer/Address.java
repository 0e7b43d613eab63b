package com.shopassist.core.customer;

import java.math.BigDecimal;

/** A saved shipping address, named by its label ("Rumah", "Kantor"). */
public record Address(
        long id,
        long customerId,
        String label,
        String recipientName,
        String phone,
        String street,
        String city,
        String state,
        String postalCode,
        String country,
        BigDecimal lat,
        BigDecimal lng,
        boolean isDefault) {

    public String oneLine() {
        StringBuilder sb = new StringBuilder(street).append(", ").append(city);
        if (state != null && !state.isBlank()) sb.append(", ").append(state);
        if (postalCode != null && !postalCode.isBlank()) sb.append(' ').append(postalCode);
        return sb.toString();
    }
}
