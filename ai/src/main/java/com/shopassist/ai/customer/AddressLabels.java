package com.shopassist.ai.customer;

import com.shopassist.core.customer.Address;
import com.shopassist.core.customer.CustomerService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A saved address by the label a shopper says: the label itself, its other-language names
 * ("home" for Rumah, the [label_synonyms] of words.*.txt), or a label it starts with ("rumah ibu"
 * when only "Rumah" is saved).
 */
public final class AddressLabels {
    private AddressLabels() {}

    private static final Map<String, List<String>> SYNONYMS = CustomerFeature.WORDS.multimap("label_synonyms");

    public static Optional<Address> resolve(CustomerService customers, long customerId, String label) {
        String l = label == null ? "" : label.trim();
        if (l.isEmpty() || l.length() > 100) return Optional.empty();
        Optional<Address> a = customers.addressByLabel(customerId, l);
        if (a.isPresent()) return a;
        String low = l.toLowerCase(Locale.ROOT);
        for (String alt : SYNONYMS.getOrDefault(low, List.of())) {
            a = customers.addressByLabel(customerId, alt);
            if (a.isPresent()) return a;
        }
        for (Address x : customers.addresses(customerId)) {
            String xl = x.label().toLowerCase(Locale.ROOT);
            if (low.startsWith(xl + " ") || xl.startsWith(low)) return Optional.of(x);
        }
        return Optional.empty();
    }

    /** "Rumah, Kantor": the saved labels, for a message that asks which one. */
    public static String list(List<Address> all) {
        return String.join(", ", all.stream().map(Address::label).toList());
    }
}
