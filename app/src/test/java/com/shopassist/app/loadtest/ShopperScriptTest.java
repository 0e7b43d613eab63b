package com.shopassist.app.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.loadtest.ShopperScript.Visit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShopperScriptTest {

    private static Map<Visit, Integer> mix(int share, int kiosk, int visits) {
        Map<Visit, Integer> out = new EnumMap<>(Visit.class);
        for (Visit v : Visit.values()) out.put(v, 0);
        for (long n = 0; n < visits; n++) out.merge(ShopperScript.visit(share, kiosk, n), 1, Integer::sum);
        return out;
    }

    @Test
    void theDefaultShareSignsInOneVisitInTenAndSplitsTheRestBetweenCartAndBrowse() {
        for (int kiosk = 0; kiosk < 7; kiosk++) {
            assertThat(mix(LoadTestOptions.DEFAULT_SIGN_IN_SHARE, kiosk, 100))
                    .as("kiosk " + kiosk)
                    .containsEntry(Visit.BUY, 10)
                    .containsEntry(Visit.CART, 45)
                    .containsEntry(Visit.BROWSE, 45);
        }
    }

    @Test
    void everyShareIsExactOverAHundredVisits() {
        for (int share = 0; share <= 100; share++) {
            Map<Visit, Integer> m = mix(share, 3, 100);
            assertThat(m.get(Visit.BUY)).as("share " + share).isEqualTo(share);
            assertThat(Math.abs(m.get(Visit.CART) - m.get(Visit.BROWSE)))
                    .as("share " + share + ": " + m)
                    .isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aKiosksFirstBuyingVisitComesWithinItsShareAndKiosksDoNotAllSignInAtOnce() {
        Set<Long> firstBuys = new HashSet<>();
        for (int kiosk = 0; kiosk < 10; kiosk++) {
            long n = 0;
            while (ShopperScript.visit(10, kiosk, n) != Visit.BUY) n++;
            assertThat(n).as("kiosk " + kiosk).isLessThan(10);
            assertThat(mix(10, kiosk, 10).values()).as("kiosk " + kiosk).allMatch(c -> c > 0);
            firstBuys.add(n);
        }
        assertThat(firstBuys).as("ten kiosks sign in at ten different visits").hasSize(10);
    }

    @Test
    void anyRunOfAHundredOverTheShareVisitsHoldsABuyWhereverTheWarmUpLeftTheKiosk() {
        for (int share = 1; share <= 100; share++) {
            int window = (100 + share - 1) / share;
            for (int kiosk = 0; kiosk < 3; kiosk++) {
                for (long start = 0; start < 200; start++) {
                    boolean buys = false;
                    for (long n = start; n < start + window && !buys; n++) {
                        buys = ShopperScript.visit(share, kiosk, n) == Visit.BUY;
                    }
                    assertThat(buys)
                            .as("share %d, kiosk %d, visits %d..%d", share, kiosk, start, start + window - 1)
                            .isTrue();
                }
            }
        }
    }
}
