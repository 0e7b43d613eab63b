package com.shopassist.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "send it to budi@example.com please",
                "email saya budi.santoso+toko@mail.co.id ya",
                "my number is 0812-3456-7890",
                "nomor saya +62 812 3456 7890",
                "hubungi 081234567890 sore ini",
                "call +6281234567890",
                "kantor (021) 555-1234",
                "ring me on +44 20 7946 0958",
                "62 812-3456-7890 is my WA",
                "WA 62.812.3456.7890",
                "nomor 0812.345.678",
            })
    void contactDetailsBecomeMarkers(String line) {
        String out = Redactor.redact(line);
        assertThat(out).doesNotContainPattern("\\d{3,}").doesNotContain("@example", "mail.co.id");
        assertThat(out).containsAnyOf("[email]", "[phone]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kirim ke Jl. Sudirman No. 5, Jakarta",
                "alamat: Jalan Merdeka Barat 10 RT 03/RW 05",
                "antar ke Jln Kenanga 7",
                "Gg. Mawar 3, Depok",
                "deliver to 12 Baker Street, London",
                "221B Baker St. please",
                "1600 Pennsylvania Avenue",
                "12 Abbey Road, London",
                "4 Privet Drive",
                "Orchard Rd. Singapore",
            })
    void streetAddressesBecomeMarkers(String line) {
        String out = Redactor.redact(line);
        assertThat(out).contains("[address]");
        assertThat(out)
                .doesNotContain(
                        "Sudirman",
                        "Merdeka",
                        "Kenanga",
                        "Mawar",
                        "Baker",
                        "Pennsylvania",
                        "Abbey",
                        "Privet",
                        "Orchard");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "price of JBL Go 3 corrected from 599000 to 699000",
                "Rp 1.250.000 and Rp 62.500.000",
                "Rp 62.500.000.000 for the lot",
                "Rp 1.000.000.000 and Rp 25.000.000.000,00",
                "price corrected from 62.500.000.000 to 62.000.000.000.",
                "a road trip down memory lane",
                "Seagate external hard drive, USB flash drive 64GB",
                "session 3f2b8c1e-0a9d-4c55-9e1f-08123456789a turn 7",
                "2026-12-03 10:04:27.123 took 412 ms",
                "daily budget of GUEST reached (10250 of 10000 tokens)",
                "gemini-flash failed, next layer: HTTP 503",
            })
    void pricesIdsAndTimesAreLeftAlone(String line) {
        assertThat(Redactor.redact(line)).isEqualTo(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ok", "turn answered"})
    void aValueWithNothingToTakeOutIsTheSameInstance(String line) {
        assertThat(Redactor.redact(line)).isSameAs(line);
    }
}
