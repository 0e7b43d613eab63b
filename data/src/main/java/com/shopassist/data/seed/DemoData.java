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
 * The demo customers, their addresses, the vouchers and the past orders. Customers, addresses and
 * vouchers are data ({@code demo-customers.json}, {@code demo-vouchers.json}, read by {@link
 * DemoFiles}); the orders and their stock movements are generated here from a fixed seed. Dates are
 * relative to the seed's "now" so that valid vouchers stay valid and expired ones stay expired
 * whenever the demo is seeded.
 */
public final class DemoData {

    /** The password of every demo customer (documented in docs/cli.md). */
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

        Voucher withUsedCount(int used) {
            return new Voucher(
                    id,
                    code,
                    description,
                    type,
                    value,
                    minPurchase,
                    maxDiscount,
                    usageLimit,
                    used,
                    validFrom,
                    validUntil,
                    active);
        }

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
        long addressId = 1;
        for (DemoFiles.CustomerRow c : DemoFiles.customers()) {
            Customer customer = new Customer(
                    customers.size() + 1L, c.fullName(), c.email(), c.age(), c.gender(), c.phone(), c.role(), c.tier());
            customers.add(customer);
            for (DemoFiles.AddressRow a : c.addresses()) {
                addresses.add(new Address(
                        addressId++,
                        customer.id(),
                        a.label(),
                        customer.fullName(),
                        customer.phone(),
                        a.street(),
                        a.city(),
                        a.state(),
                        a.postalCode(),
                        a.lat(),
                        a.lng(),
                        a.isDefault()));
            }
        }
    }

    /** Voucher dates are whole days before or after the seed's day, so the demo never goes stale. */
    private void buildVouchers() {
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        for (DemoFiles.VoucherRow v : DemoFiles.vouchers()) {
            vouchers.add(new Voucher(
                    vouchers.size() + 1L,
                    v.code(),
                    v.description(),
                    v.type(),
                    v.value(),
                    v.minPurchase(),
                    v.maxDiscount(),
                    v.usageLimit(),
                    v.usedCount(),
                    day.plus(Duration.ofDays(v.validFromDays())),
                    day.plus(Duration.ofDays(v.validUntilDays())),
                    v.active()));
        }
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
                .map(v -> v.withUsedCount(v.usedCount() + uses.getOrDefault(v.id(), 0)))
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
