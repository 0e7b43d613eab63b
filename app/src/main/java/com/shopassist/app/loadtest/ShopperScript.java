package com.shopassist.app.loadtest;

import com.shopassist.data.loadtest.SampleProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What simulated shoppers say: three kinds of visit, in the words the offline assistant
 * understands, about products of the catalog drawn at the start of the run. A few "hot" products
 * are asked for by many shoppers at once, as a promoted product is at a lunch rush.
 */
final class ShopperScript {

    /** The kinds of visit a shopper makes. */
    enum Visit {
        /** A signed-in customer who searches, adds, tries a voucher and checks out. */
        BUY,
        /** A guest who fills a cart, changes their mind and leaves it: the idle reset releases the holds. */
        CART,
        /** A guest who searches, reads about a product and asks about its stock, then walks away. */
        BROWSE
    }

    /** One step of a visit: a message, or the shopper's "yes" to what the assistant proposed. */
    record Step(String message, boolean confirm) {
        static Step say(String message) {
            return new Step(message, false);
        }

        static Step yes() {
            return new Step(null, true);
        }
    }

    private static final String[] SEARCH = {"%s", "show me %s", "cari %s", "%s under 1 juta", "any %s?"};

    private final List<SampleProduct> products;
    private final List<SampleProduct> hot;
    private final List<String> vouchers;

    ShopperScript(List<SampleProduct> products, List<String> vouchers) {
        if (products.isEmpty()) throw new IllegalArgumentException("no products to shop for");
        this.products = List.copyOf(products);
        this.hot = this.products.subList(0, Math.min(3, this.products.size()));
        this.vouchers = List.copyOf(vouchers);
    }

    /**
     * The visit a kiosk plays as its {@code n}-th when {@code signInShare} percent of visits sign in
     * to buy: a fixed pattern, not a random draw, so the share is exact over every 100 visits and
     * any {@code ceil(100 / share)} visits in a row hold a BUY. Visit {@code p} (counted from the kiosk's own offset, so
     * kiosks do not all sign in at once) is a {@code BUY} when {@code p * share mod 100 < share},
     * which spreads the buying visits evenly; the others alternate CART and BROWSE.
     */
    static Visit visit(int signInShare, int kiosk, long n) {
        long p = n + kiosk;
        if ((p * signInShare) % 100 < signInShare) return Visit.BUY;
        // buying visits among 0..p-1: one for each multiple of 100 in (-share, (p-1) * share]
        long buysBefore = signInShare == 0 || p == 0 ? 0 : ((p - 1) * signInShare) / 100 + 1;
        return (p - buysBefore) % 2 == 0 ? Visit.CART : Visit.BROWSE;
    }

    List<Step> steps(Visit visit, Random r) {
        SampleProduct a = pick(r);
        SampleProduct b = pick(r);
        List<Step> s = new ArrayList<>();
        switch (visit) {
            case BROWSE -> {
                s.add(Step.say(search(r, a)));
                s.add(Step.say("tell me about " + a.name()));
                s.add(Step.say("is " + a.name() + " in stock?"));
                s.add(Step.say(String.format(SEARCH[r.nextInt(SEARCH.length)], words(b))));
                s.add(Step.say("cek stok " + b.name()));
            }
            case CART -> {
                s.add(Step.say(search(r, a)));
                s.add(Step.say("add " + a.name()));
                s.add(Step.say("add " + b.name()));
                s.add(Step.say("is " + b.name() + " in stock?"));
                s.add(Step.say("remove " + a.name() + " from my cart"));
                s.add(Step.say("any vouchers?"));
                s.add(Step.say("show my cart"));
            }
            case BUY -> {
                SampleProduct item = r.nextInt(10) < 3 ? hot.get(r.nextInt(hot.size())) : a;
                s.add(Step.say(search(r, item)));
                s.add(Step.say("tell me about " + item.name()));
                s.add(Step.say("add " + item.name()));
                s.add(Step.say("any vouchers?"));
                if (!vouchers.isEmpty()) {
                    s.add(Step.say("use voucher " + vouchers.get(r.nextInt(vouchers.size()))));
                    s.add(Step.yes());
                }
                s.add(Step.say("checkout to Rumah"));
                s.add(Step.yes());
            }
        }
        return s;
    }

    private SampleProduct pick(Random r) {
        return products.get(r.nextInt(products.size()));
    }

    private static String search(Random r, SampleProduct p) {
        String what = r.nextBoolean() ? p.category().toLowerCase(Locale.ROOT) : words(p);
        return String.format(SEARCH[r.nextInt(SEARCH.length)], what);
    }

    /** The first two words of a product's name: how shoppers name what they look for. */
    static String words(SampleProduct p) {
        String[] w = p.name().split("\\s+");
        return w.length <= 2 ? p.name() : w[0] + " " + w[1];
    }
}
