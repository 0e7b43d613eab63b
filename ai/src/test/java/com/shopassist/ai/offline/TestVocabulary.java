package com.shopassist.ai.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo store's vocabulary for tests that need no database: the seed catalog's 19 categories
 * (English and Indonesian names) and its brands, plus a few real-world brands shoppers type.
 */
final class TestVocabulary {
    private TestVocabulary() {}

    static Vocabulary vocabulary() {
        Map<String, String> categories = new LinkedHashMap<>();
        categories.put("Smartphones & Tablets", "Ponsel & Tablet");
        categories.put("Laptops & Computers", "Laptop & Komputer");
        categories.put("Audio & Headphones", "Audio & Headphone");
        categories.put("TV & Home Entertainment", "TV & Hiburan Rumah");
        categories.put("Home Appliances", "Peralatan Rumah Tangga");
        categories.put("Kitchen & Dining", "Dapur & Ruang Makan");
        categories.put("Furniture & Decor", "Furnitur & Dekorasi");
        categories.put("Men's Fashion", "Fashion Pria");
        categories.put("Women's Fashion", "Fashion Wanita");
        categories.put("Footwear", "Sepatu & Sandal");
        categories.put("Sports & Outdoors", "Olahraga & Outdoor");
        categories.put("Beauty & Personal Care", "Kecantikan & Perawatan Diri");
        categories.put("Health & Wellness", "Kesehatan");
        categories.put("Baby, Kids & Toys", "Bayi, Anak & Mainan");
        categories.put("Books & Stationery", "Buku & Alat Tulis");
        categories.put("Groceries & Beverages", "Makanan & Minuman");
        categories.put("Automotive", "Otomotif");
        categories.put("Pet Supplies", "Perlengkapan Hewan");
        categories.put("Watches & Accessories", "Jam Tangan & Aksesori");
        List<String> brands = new java.util.ArrayList<>(List.of(
                "Lumio",
                "Samudra Mobile",
                "Vexa",
                "Orin",
                "Kaleido",
                "Arkana",
                "Teknova",
                "Bytecraft",
                "Veloce",
                "Kinetik",
                "Sonora",
                "Gema Audio",
                "Bassline",
                "Auralis",
                "Kicau",
                "Visiona",
                "Layar Emas",
                "Polaris",
                "Sinema",
                "Rumahku",
                "Sejuk",
                "Kirana Home",
                "Daya",
                "Elektra",
                "Dapur Ibu",
                "Santap",
                "Cookwell",
                "Masakita",
                "Piringan",
                "Kayu Jati",
                "Ruang",
                "Nordika",
                "Serambi",
                "Lentera",
                "Garda",
                "Baskara",
                "Urbano",
                "Jelajah",
                "Satria",
                "Kirana",
                "Anggun",
                "Mawar",
                "Luxe Loka",
                "Senja",
                "Langkah",
                "Stride",
                "Kaki Ringan",
                "Trekka",
                "Sepatu Kita",
                "Alpenta",
                "Puncak",
                "Atletika",
                "Rimba",
                "Gowes",
                "Cantika",
                "Ayu Lab",
                "Glowin",
                "Ratu Kulit",
                "Bening",
                "Sehat Selalu",
                "Vitalis",
                "Medika",
                "Jamu Nusantara",
                "Si Kecil",
                "Bermain",
                "Tumbuh",
                "Ceria",
                "Bobo Baby",
                "Pena Emas",
                "Aksara",
                "Kertasku",
                "Lembar",
                "Sari Rasa",
                "Kopi Nusa",
                "Teh Pagi",
                "Dapur Nenek",
                "Gurih",
                "Motorin",
                "Jalan Raya",
                "Otoprima",
                "Roda",
                "Meong",
                "Guguk",
                "Sahabat Hewan",
                "Pawpaw",
                "Waktu",
                "Chrono Indo",
                "Permata",
                "Gaya"));
        brands.addAll(List.of(
                "Sony",
                "Samsung",
                "Nike",
                "Adidas",
                "Xiaomi",
                "Philips",
                "Miyako",
                "Eiger",
                "Uniqlo",
                "Logitech",
                "JBL",
                "Tupperware",
                "The North Face"));
        return new Vocabulary(brands, categories);
    }
}
