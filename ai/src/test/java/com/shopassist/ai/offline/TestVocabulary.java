package com.shopassist.ai.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A store vocabulary for the tests that need no database: brands and categories of a typical store. */
final class TestVocabulary {
    private TestVocabulary() {}

    static Vocabulary vocabulary() {
        Map<String, String> categories = new LinkedHashMap<>();
        categories.put("Electronics", "Elektronik");
        categories.put("Audio", "Audio");
        categories.put("Shoes", "Sepatu");
        categories.put("Bags", "Tas");
        categories.put("Kitchen", "Dapur");
        categories.put("Clothing", "Pakaian");
        categories.put("Sports", "Olahraga");
        categories.put("Home & Living", "Rumah Tangga");
        categories.put("Beauty", "Kecantikan");
        categories.put("Toys", "Mainan");
        categories.put("Books", "Buku");
        return new Vocabulary(
                List.of("Sony", "Samsung", "Nike", "Adidas", "Apple", "Xiaomi", "Philips", "Miyako", "Cosmos", "Eiger",
                        "Uniqlo", "Logitech", "JBL", "Tupperware", "Lock&Lock", "The North Face", "Asus", "Lenovo"),
                categories);
    }
}
