package com.shopassist.ai.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.ai.registry.ToolRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingTest {

    @Test
    void complexAsksAndLongConversationsPreferPro() {
        assertThat(ModelRouter.preferPro("compare these two", 1, 10)).isTrue();
        assertThat(ModelRouter.preferPro("what are the pros and cons?", 1, 10)).isTrue();
        assertThat(ModelRouter.preferPro("tolong bandingkan keduanya", 1, 10)).isTrue();
        assertThat(ModelRouter.preferPro("rekomendasi headphone dong", 1, 10)).isTrue();
        assertThat(ModelRouter.preferPro("add it to my cart", 1, 10)).isFalse();
        assertThat(ModelRouter.preferPro("add it to my cart", 10, 10)).isFalse();
        assertThat(ModelRouter.preferPro("add it to my cart", 11, 10)).isTrue();
    }

    @Test
    void aTurnOffersTheCoreToolsPlusWhatItsWordsPointAt() {
        ToolRouter router = new ToolRouter(ToolRegistry.SPECS, ToolRegistry.ROUTES);
        assertThat(router.core()).containsExactly("search_products", "get_product_details", "get_cart", "add_to_cart");
        assertThat(router.select("hello", Set.of())).containsExactlyElementsOf(router.core());
        assertThat(router.select("pakai voucher HEMAT10", Set.of()))
                .contains("apply_voucher", "get_vouchers")
                .doesNotContain("checkout");
        assertThat(router.select("kirim ke rumah", Set.of())).contains("checkout", "get_addresses");
        assertThat(router.select("where is my order?", Set.of())).contains("get_orders", "get_order_details");
        assertThat(router.select("gift for dad", Set.of())).contains("get_gift_suggestions");
        assertThat(router.select("yes the second", Set.of("apply_voucher"))).contains("apply_voucher");
    }

    @Test
    void writesEndTheTurnOnlyForASingleRequest() {
        assertThat(ToolRouter.singleStep("add the second one to my cart")).isTrue();
        assertThat(ToolRouter.singleStep("add it and check out")).isFalse();
        assertThat(ToolRouter.singleStep("tambahkan lalu bayar")).isFalse();
    }
}
