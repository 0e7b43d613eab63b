package com.shopassist.ai.gemini;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** US dollars per million input and output tokens of one model. */
public record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public static ModelPrice of(String input, String output) {
        return new ModelPrice(new BigDecimal(input), new BigDecimal(output));
    }

    /** Exact to 1e-10 USD, so many small turns still add up to the right total. */
    public BigDecimal cost(int inputTokens, int outputTokens) {
        return inputPerMillion
                .multiply(BigDecimal.valueOf(inputTokens))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, 10, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }
}
