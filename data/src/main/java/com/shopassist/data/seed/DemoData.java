package com.shopassist.data.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo customers, their addresses, the vouchers and the past orders. Everything but the dates is
 * fixed; dates are relative to the seed's "now" so that valid vouchers stay valid and expired ones
 * stay expired whenever the demo is seeded.
 */
public final class DemoData {

    /** The password of every demo customer (documented in the README). */
    public static final String CUSTOMER_PASSWORD = "belanja123";
    /** The password of the demo clerk account. */
    public static final String CLERK_PASSWORD = "kasir123";

    // bcrypt cost 12 of the passwords above, computed once: a seed that hashes at run time costs
    // 0.25 s per customer and differs on every run
    static final String CUSTOMER_PASSWORD_HASH = "$2a$12$JoRVq6s/h6nktTxnAf1D8OcJ5DhJhVJIv5dr3SVqB52zWLvAZC9eO";
    static final String CLERK_PASSWORD_HASH = "$2a$12$dmtKLYoanJCrMncsbMQq7O76Nb8vCC7hUW17GXEGI/16vb3.e.YeS";

    public record Customer(
            long id, String fullName, String email, int age, String gender, String phone, String role, String tier) {}

    public record Address(
            long id,
            long customerId,
            String label,
            String recipient,
            String phone,
            String street,
            String city,
            String state,
            String postalCode,
            BigDecimal lat,
            BigDecimal lng,
            boolean isDefault) {

        /** The address as printed on an order. */
        public String text() {
            return recipient + ", " + street + ", " + city + ", " + state + " " + postalCode + ", Indonesia";
        }
    }

    public record Voucher(
            long id,
            String code,
            String description,
            String type,
            long value,
            long minPurchase,
            Long maxDiscount,
            Integer usageLimit,
            int usedCount,
            Instant validFrom,
            Instant validUntil,
            boolean active) {

        boolean usableAt(Instant t, long subtotal) {
            return active
                    && !t.isBefore(validFrom)
                    && t.isBefore(validUntil)
                    && subtotal >= minPurchase
                    && (usageLimit == null || usedCount < usageLimit);
        }

        long discountFor(long subtotal) {
            if (type.equals("FIXED")) return Math.min(value, subtotal);
            long d = BigDecimal.valueOf(subtotal)
                    .multiply(BigDecimal.valueOf(value))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                    .longValueExact();
            return maxDiscount == null ? d : Math.min(d, maxDiscount);
        }
    }

    public record OrderLine(
            long id, long productId, String productName, int quantity, long unitPrice, long lineDiscount) {
        public long lineSubtotal() {
            return unitPrice * quantity;
        }

        public long lineTotal() {
            return lineSubtotal() - lineDiscount;
        }
    }

    public record Order(
            long id,
            String orderNumber,
            long customerId,
            Long voucherId,
            Address address,
            String status,
            long subtotal,
            long discount,
            Instant createdAt,
            Instant paidAt,
            Instant shippedAt,
            Instant deliveredAt,
            Instant cancelledAt,
            List<OrderLine> lines) {
        public long total() {
            return subtotal - discount;
        }
    }

    private static final String[][] CUSTOMERS = {
        // name, email, age, gender, tier
        {"Budi Santoso", "budi@example.com", "34", "M", "FREE"},
        {"Siti Rahayu", "siti@example.com", "29", "F", "PREMIUM"},
        {"Andi Wijaya", "andi@example.com", "41", "M", "FREE"},
        {"Dewi Lestari", "dewi@example.com", "26", "F", "FREE"},
        {"Rizky Pratama", "rizky@example.com", "22", "M", "FREE"},
        {"Putri Maharani", "putri@example.com", "31", "F", "PREMIUM"},
        {"Agus Setiawan", "agus@example.com", "45", "M", "FREE"},
        {"Nur Aisyah", "aisyah@example.com", "37", "F", "FREE"},
        {"Made Wirawan", "made@example.com", "28", "M", "FREE"},
        {"Ayu Kartika", "ayu@example.com", "24", "F", "FREE"},
        {"Hendra Gunawan", "hendra@example.com", "52", "M", "PREMIUM"},
        {"Maria Natalia", "maria@example.com", "33", "F", "FREE"},
    };

    private static final String[][] ADDRESSES = {
        // customer index, label, street, city, state, postal code, lat, lng
        {
            "0",
            "Rumah",
            "Jl. Kemang Raya No. 12, Bangka, Mampang Prapatan",
            "Jakarta Selatan",
            "DKI Jakarta",
            "12730",
            "-6.260700",
            "106.813800"
        },
        {
            "0",
            "Kantor",
            "Jl. Jend. Sudirman Kav. 52-53, Senayan, Kebayoran Baru",
            "Jakarta Selatan",
            "DKI Jakarta",
            "12190",
            "-6.225000",
            "106.809000"
        },
        {
            "1",
            "Rumah",
            "Jl. Dago No. 88, Lebakgede, Coblong",
            "Bandung",
            "Jawa Barat",
            "40132",
            "-6.885300",
            "107.613600"
        },
        {
            "1",
            "Kantor",
            "Jl. Asia Afrika No. 8, Braga, Sumur Bandung",
            "Bandung",
            "Jawa Barat",
            "40111",
            "-6.921500",
            "107.607100"
        },
        {
            "1",
            "Rumah Orang Tua",
            "Jl. Cihampelas No. 150, Cipaganti, Coblong",
            "Bandung",
            "Jawa Barat",
            "40131",
            "-6.893000",
            "107.604500"
        },
        {
            "2",
            "Rumah",
            "Jl. Raya Darmo No. 45, Darmo, Wonokromo",
            "Surabaya",
            "Jawa Timur",
            "60241",
            "-7.287600",
            "112.738900"
        },
        {
            "2",
            "Kantor",
            "Jl. Basuki Rahmat No. 129, Kedungdoro, Tegalsari",
            "Surabaya",
            "Jawa Timur",
            "60271",
            "-7.265900",
            "112.741100"
        },
        {
            "3",
            "Rumah",
            "Jl. Kaliurang Km 5 No. 17, Caturtunggal, Depok",
            "Sleman",
            "DI Yogyakarta",
            "55281",
            "-7.755700",
            "110.382800"
        },
        {
            "3",
            "Kantor",
            "Jl. Malioboro No. 60, Suryatmajan, Danurejan",
            "Yogyakarta",
            "DI Yogyakarta",
            "55213",
            "-7.792600",
            "110.365800"
        },
        {
            "4",
            "Rumah",
            "Jl. Tanjung Duren Raya No. 21, Tanjung Duren Utara, Grogol Petamburan",
            "Jakarta Barat",
            "DKI Jakarta",
            "11470",
            "-6.176800",
            "106.790500"
        },
        {
            "4",
            "Kantor",
            "Jl. Letjen S. Parman Kav. 28, Tanjung Duren Selatan, Grogol Petamburan",
            "Jakarta Barat",
            "DKI Jakarta",
            "11470",
            "-6.178600",
            "106.790100"
        },
        {
            "4",
            "Kos",
            "Jl. Kebon Jeruk Raya No. 27, Kebon Jeruk",
            "Jakarta Barat",
            "DKI Jakarta",
            "11530",
            "-6.193900",
            "106.772400"
        },
        {
            "5",
            "Rumah",
            "Jl. Perintis Kemerdekaan Km 9 No. 33, Tamalanrea",
            "Makassar",
            "Sulawesi Selatan",
            "90245",
            "-5.134600",
            "119.488700"
        },
        {
            "5",
            "Kantor",
            "Jl. Jend. Sudirman No. 15, Pisang Utara, Ujung Pandang",
            "Makassar",
            "Sulawesi Selatan",
            "90113",
            "-5.145100",
            "119.418200"
        },
        {
            "6",
            "Rumah",
            "Jl. Pandanaran No. 102, Pekunden, Semarang Tengah",
            "Semarang",
            "Jawa Tengah",
            "50134",
            "-6.986300",
            "110.414000"
        },
        {
            "6",
            "Kantor",
            "Jl. Pemuda No. 150, Sekayu, Semarang Tengah",
            "Semarang",
            "Jawa Tengah",
            "50132",
            "-6.979900",
            "110.416300"
        },
        {
            "7",
            "Rumah",
            "Jl. Dr. Mansyur No. 9, Padang Bulan Selayang, Medan Selayang",
            "Medan",
            "Sumatera Utara",
            "20131",
            "-3.565300",
            "98.653200"
        },
        {
            "7",
            "Kantor",
            "Jl. Imam Bonjol No. 18, Petisah Tengah, Medan Petisah",
            "Medan",
            "Sumatera Utara",
            "20112",
            "-3.588700",
            "98.673400"
        },
        {
            "8",
            "Rumah",
            "Jl. Tukad Badung No. 7, Renon, Denpasar Selatan",
            "Denpasar",
            "Bali",
            "80226",
            "-8.680400",
            "115.237600"
        },
        {
            "8",
            "Kantor",
            "Jl. Teuku Umar No. 200, Dauh Puri Kauh, Denpasar Barat",
            "Denpasar",
            "Bali",
            "80114",
            "-8.674700",
            "115.206200"
        },
        {
            "9",
            "Rumah",
            "Jl. Pajajaran No. 31, Baranangsiang, Bogor Timur",
            "Bogor",
            "Jawa Barat",
            "16143",
            "-6.603800",
            "106.808900"
        },
        {
            "9",
            "Kantor",
            "Jl. Raya Pajajaran No. 1, Tegallega, Bogor Tengah",
            "Bogor",
            "Jawa Barat",
            "16127",
            "-6.588800",
            "106.805800"
        },
        {
            "10",
            "Rumah",
            "Jl. Boulevard Gading Serpong Blok M No. 5, Kelapa Dua",
            "Tangerang",
            "Banten",
            "15810",
            "-6.241600",
            "106.628200"
        },
        {
            "10",
            "Kantor",
            "Jl. MH Thamrin No. 1, Menteng",
            "Jakarta Pusat",
            "DKI Jakarta",
            "10310",
            "-6.193800",
            "106.822900"
        },
        {
            "11",
            "Rumah",
            "Jl. Boulevard Panakkukang No. 40, Pandang, Panakkukang",
            "Makassar",
            "Sulawesi Selatan",
            "90231",
            "-5.155800",
            "119.446300"
        },
        {
            "11",
            "Kantor",
            "Jl. Ahmad Yani No. 23, Pattunuang, Wajo",
            "Makassar",
            "Sulawesi Selatan",
            "90174",
            "-5.133900",
            "119.410500"
        },
    };

    private final Instant now;
    private final List<Customer> customers = new ArrayList<>();
    private final List<Address> addresses = new ArrayList<>();
    private final List<Voucher> vouchers = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();
    private final List<Movement> movements = new ArrayList<>();
    private final Map<Long, Integer> restock = new HashMap<>();
    private final Map<Long, Integer> stockNow = new HashMap<>();

    /** A change of a product's stock by an order: a SALE when placed, a CANCEL_RETURN when cancelled. */
    public record Movement(long productId, String type, int delta, long orderId, Instant at) {}

    /**
     * @param now the seed's clock reading
     * @param orderable products orders may contain (the start of the catalog)
     */
    public DemoData(Instant now, List<SeedProduct> orderable) {
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        buildCustomers();
        buildVouchers();
        if (!orderable.isEmpty()) {
            buildOrders(orderable);
            planStock(orderable);
        }
    }

    private void buildCustomers() {
        for (int i = 0; i < CUSTOMERS.length; i++) {
            String[] c = CUSTOMERS[i];
            customers.add(new Customer(i + 1, c[0], c[1], Integer.parseInt(c[2]), c[3], phone(i), "CUSTOMER", c[4]));
        }
        customers.add(new Customer(
                CUSTOMERS.length + 1, "Rina Marlina", "kasir@example.com", 30, "F", phone(99), "CLERK", "FREE"));
        long id = 1;
        for (String[] a : ADDRESSES) {
            Customer owner = customers.get(Integer.parseInt(a[0]));
            addresses.add(new Address(
                    id++,
                    owner.id(),
                    a[1],
                    owner.fullName(),
                    owner.phone(),
                    a[2],
                    a[3],
                    a[4],
                    a[5],
                    new BigDecimal(a[6]),
                    new BigDecimal(a[7]),
                    a[1].equals("Rumah")));
        }
    }

    private static String phone(int i) {
        return String.format("+62 812 %04d %04d", 3100 + i, 5000 + i * 37);
    }

    private void buildVouchers() {
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        voucher(
                "WELCOME10",
                "10% off your first orders, up to Rp 50.000, from Rp 100.000",
                "PERCENT",
                10,
                100_000,
                50_000L,
                1000,
                37,
                day.minus(days(120)),
                day.plus(days(245)),
                true);
        voucher(
                "HEMAT50K",
                "Rp 50.000 off orders from Rp 500.000",
                "FIXED",
                50_000,
                500_000,
                null,
                null,
                212,
                day.minus(days(100)),
                day.plus(days(180)),
                true);
        voucher(
                "GAJIAN25",
                "Payday: 25% off up to Rp 250.000 on orders from Rp 1.000.000",
                "PERCENT",
                25,
                1_000_000,
                250_000L,
                500,
                61,
                day.minus(days(95)),
                day.plus(days(30)),
                true);
        voucher(
                "ONGKIR20K",
                "Rp 20.000 off orders from Rp 150.000",
                "FIXED",
                20_000,
                150_000,
                null,
                null,
                480,
                day.minus(days(30)),
                day.plus(days(335)),
                true);
        voucher(
                "DISKON5",
                "5% off any order, no minimum and no cap",
                "PERCENT",
                5,
                0,
                null,
                null,
                9,
                day.minus(days(10)),
                day.plus(days(355)),
                true);
        voucher(
                "BELANJA200K",
                "Rp 200.000 off orders from Rp 3.000.000",
                "FIXED",
                200_000,
                3_000_000,
                null,
                200,
                18,
                day.minus(days(20)),
                day.plus(days(70)),
                true);
        voucher(
                "MEMBER15",
                "Members: 15% off up to Rp 75.000 on orders from Rp 200.000 (one use left)",
                "PERCENT",
                15,
                200_000,
                75_000L,
                500,
                499,
                day.minus(days(60)),
                day.plus(days(120)),
                true);
        voucher(
                "KILAT100K",
                "Flash: Rp 100.000 off orders from Rp 750.000, ends in two days",
                "FIXED",
                100_000,
                750_000,
                null,
                300,
                120,
                day.minus(days(5)),
                day.plus(days(2)),
                true);
        voucher(
                "FLASH70",
                "70% off up to Rp 100.000: all 100 used up",
                "PERCENT",
                70,
                0,
                100_000L,
                100,
                100,
                day.minus(days(3)),
                day.plus(days(4)),
                true);
        voucher(
                "LEBARAN30",
                "Lebaran sale: 30% off up to Rp 300.000 (expired)",
                "PERCENT",
                30,
                500_000,
                300_000L,
                null,
                350,
                day.minus(days(200)),
                day.minus(days(170)),
                true);
        voucher(
                "HARBOLNAS12",
                "National Online Shopping Day: 12% off up to Rp 120.000 (starts next week)",
                "PERCENT",
                12,
                100_000,
                120_000L,
                1212,
                0,
                day.plus(days(7)),
                day.plus(days(10)),
                true);
        voucher(
                "STAFFONLY",
                "Staff discount, switched off",
                "PERCENT",
                20,
                0,
                500_000L,
                null,
                44,
                day.minus(days(365)),
                day.plus(days(365)),
                false);
    }

    private void voucher(
            String code,
            String description,
            String type,
            long value,
            long minPurchase,
            Long maxDiscount,
            Integer usageLimit,
            int usedCount,
            Instant from,
            Instant until,
            boolean active) {
        vouchers.add(new Voucher(
                vouchers.size() + 1L,
                code,
                description,
                type,
                value,
                minPurchase,
                maxDiscount,
                usageLimit,
                usedCount,
                from,
                until,
                active));
    }

    private static Duration days(long n) {
        return Duration.ofDays(n);
    }

    /** Every status appears; statuses and dates agree (a delivered order was paid and shipped before). */
    private void buildOrders(List<SeedProduct> orderable) {
        String[] cycle = {"DELIVERED", "SHIPPED", "PAID", "PENDING", "CANCELLED", "DELIVERED", "DELIVERED", "PAID"};
        SplittableRandom rng = new SplittableRandom(20261125L);
        List<Order> planned = new ArrayList<>();
        int k = 0;
        for (Customer c : customers) {
            if (!c.role().equals("CUSTOMER")) continue;
            List<Address> own =
                    addresses.stream().filter(a -> a.customerId() == c.id()).toList();
            int count = 3 + (int) (c.id() % 4);
            for (int n = 0; n < count; n++, k++) {
                String status = cycle[k % cycle.length];
                Instant created = now.minus(ageOf(status, rng));
                List<SeedProduct> picks = new ArrayList<>();
                int lines = Math.min(1 + rng.nextInt(3), orderable.size());
                while (picks.size() < lines) {
                    SeedProduct p = orderable.get(rng.nextInt(orderable.size()));
                    if (!picks.contains(p)) picks.add(p);
                }
                Map<SeedProduct, Integer> qty = new LinkedHashMap<>();
                long subtotal = 0;
                for (SeedProduct p : picks) {
                    int q = p.price() > 2_000_000 ? 1 : 1 + rng.nextInt(3);
                    qty.put(p, q);
                    subtotal += p.price() * q;
                }
                Voucher v = null;
                if (rng.nextInt(3) == 0) {
                    int start = rng.nextInt(vouchers.size());
                    for (int vi = 0; vi < vouchers.size(); vi++) {
                        Voucher candidate = vouchers.get((start + vi) % vouchers.size());
                        // leave room under the usage limit: the seeded uses are added to used_count
                        boolean room =
                                candidate.usageLimit() == null || candidate.usedCount() + 10 < candidate.usageLimit();
                        if (room && candidate.usableAt(created, subtotal)) {
                            v = candidate;
                            break;
                        }
                    }
                }
                long discount = v == null ? 0 : v.discountFor(subtotal);
                Address address = own.get(rng.nextInt(own.size()));
                planned.add(order(created, status, c, v, address, subtotal, discount, qty));
            }
        }
        planned.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        long orderId = 1, lineId = 1;
        for (Order o : planned) {
            List<OrderLine> lines = new ArrayList<>();
            for (OrderLine l : o.lines())
                lines.add(new OrderLine(
                        lineId++, l.productId(), l.productName(), l.quantity(), l.unitPrice(), l.lineDiscount()));
            String number = "SA-"
                    + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd")
                            .withZone(java.time.ZoneId.of("Asia/Jakarta"))
                            .format(o.createdAt())
                    + "-" + String.format("%06d", orderId);
            orders.add(new Order(
                    orderId++,
                    number,
                    o.customerId(),
                    o.voucherId(),
                    o.address(),
                    o.status(),
                    o.subtotal(),
                    o.discount(),
                    o.createdAt(),
                    o.paidAt(),
                    o.shippedAt(),
                    o.deliveredAt(),
                    o.cancelledAt(),
                    List.copyOf(lines)));
        }
    }

    /**
     * Orders take stock when placed and cancelled ones give it back, in time order. Each product is
     * restocked (once, before the first order) with enough that it never goes below zero and ends at
     * its generated stock; if a cancelled order held units the product never had, it ends a bit higher.
     */
    private void planStock(List<SeedProduct> orderable) {
        for (Order o : orders) {
            for (OrderLine l : o.lines()) {
                movements.add(new Movement(l.productId(), "SALE", -l.quantity(), o.id(), o.createdAt()));
                if (o.cancelledAt() != null) {
                    movements.add(new Movement(l.productId(), "CANCEL_RETURN", l.quantity(), o.id(), o.cancelledAt()));
                }
            }
        }
        movements.sort((a, b) -> a.at().compareTo(b.at()));
        Map<Long, Integer> balance = new HashMap<>(), lowest = new HashMap<>();
        for (Movement m : movements) {
            int b = balance.merge(m.productId(), m.delta(), Integer::sum);
            lowest.merge(m.productId(), b, Math::min);
        }
        for (SeedProduct p : orderable) {
            if (!balance.containsKey(p.id())) continue;
            int net = balance.get(p.id()); // minus the units sold for good
            int initial = Math.max(p.stock() - net, -lowest.get(p.id()));
            restock.put(p.id(), initial);
            stockNow.put(p.id(), initial + net);
        }
    }

    private static Duration ageOf(String status, SplittableRandom rng) {
        long minutes = switch (status) {
            case "PENDING" -> 10 + rng.nextInt(60 * 24);
            case "PAID" -> 60 * 24 + rng.nextInt(60 * 48);
            case "SHIPPED" -> 60 * 24 * 3 + rng.nextInt(60 * 24 * 3);
            case "CANCELLED" -> 60 * 24 * 5 + rng.nextInt(60 * 24 * 55);
            default -> 60 * 24 * 7 + rng.nextInt(60 * 24 * 83); // DELIVERED
        };
        return Duration.ofMinutes(minutes);
    }

    private Order order(
            Instant created,
            String status,
            Customer c,
            Voucher v,
            Address address,
            long subtotal,
            long discount,
            Map<SeedProduct, Integer> qty) {
        Instant paid =
                status.equals("PENDING") || status.equals("CANCELLED") ? null : created.plus(Duration.ofMinutes(12));
        Instant shipped =
                status.equals("SHIPPED") || status.equals("DELIVERED") ? created.plus(Duration.ofHours(26)) : null;
        Instant delivered = status.equals("DELIVERED") ? created.plus(Duration.ofDays(3)) : null;
        Instant cancelled = status.equals("CANCELLED") ? created.plus(Duration.ofHours(5)) : null;
        // the discount is spread over the lines in proportion; the remainder goes to the largest line
        List<OrderLine> lines = new ArrayList<>();
        long given = 0;
        SeedProduct largest = null;
        for (var e : qty.entrySet()) {
            if (largest == null || e.getKey().price() * e.getValue() > largest.price() * qty.get(largest)) {
                largest = e.getKey();
            }
        }
        Map<SeedProduct, Long> share = new LinkedHashMap<>();
        for (var e : qty.entrySet()) {
            long part = subtotal == 0 ? 0 : discount * (e.getKey().price() * e.getValue()) / subtotal;
            share.put(e.getKey(), part);
            given += part;
        }
        share.merge(largest, discount - given, Long::sum);
        for (var e : qty.entrySet()) {
            lines.add(new OrderLine(
                    0,
                    e.getKey().id(),
                    e.getKey().name(),
                    e.getValue(),
                    e.getKey().price(),
                    share.get(e.getKey())));
        }
        return new Order(
                0,
                null,
                c.id(),
                v == null ? null : v.id(),
                address,
                status,
                subtotal,
                discount,
                created,
                paid,
                shipped,
                delivered,
                cancelled,
                lines);
    }

    public Instant now() {
        return now;
    }

    public List<Customer> customers() {
        return customers;
    }

    public List<Address> addresses() {
        return addresses;
    }

    /** Vouchers with {@code usedCount} raised by the seeded orders that used them. */
    public List<Voucher> vouchers() {
        Map<Long, Integer> uses = new HashMap<>();
        for (Order o : orders) {
            if (o.voucherId() != null && !o.status().equals("CANCELLED")) uses.merge(o.voucherId(), 1, Integer::sum);
        }
        return vouchers.stream()
                .map(v -> {
                    int used = v.usedCount() + uses.getOrDefault(v.id(), 0);
                    return new Voucher(
                            v.id(),
                            v.code(),
                            v.description(),
                            v.type(),
                            v.value(),
                            v.minPurchase(),
                            v.maxDiscount(),
                            v.usageLimit(),
                            used,
                            v.validFrom(),
                            v.validUntil(),
                            v.active());
                })
                .toList();
    }

    public List<Order> orders() {
        return orders;
    }

    /** The stock movements of the seeded orders, in time order. */
    public List<Movement> movements() {
        return movements;
    }

    /** Stock of the first restock, for products the seeded orders touched. */
    public Map<Long, Integer> restock() {
        return restock;
    }

    /** Stock after the seeded orders, for products they touched (others keep their generated stock). */
    public Map<Long, Integer> stockNow() {
        return stockNow;
    }
}
