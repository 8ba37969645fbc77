package io.tlscompat.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class IsoTimeTest {
    private static String reference(long millis) {
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f.format(new Date(millis));
    }

    @Test
    void formatsAsTheRecordsAlwaysDid() {
        assertThat(IsoTime.format(0)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(IsoTime.format(951782400000L + 86399999L)).isEqualTo("2000-02-29T23:59:59.999Z");
        assertThat(IsoTime.format(1796170381268L)).isEqualTo(reference(1796170381268L));
    }

    @Test
    void agreesWithSimpleDateFormatAcrossDaysLeapYearsAndCenturies() {
        Random random = new Random(10);
        long from = 0L;
        long to = 4102444800000L; // 2100-01-01, past the non-leap year 2100's February
        for (int i = 0; i < 20000; i++) {
            long t = from + (long) (random.nextDouble() * (to - from));
            assertThat(IsoTime.format(t)).as("millis %d", t).isEqualTo(reference(t));
        }
        for (long t = 4107542400000L - 5; t < 4107542400000L + 5; t++) {
            assertThat(IsoTime.format(t)).isEqualTo(reference(t)); // midnight 2100-02-28 / 03-01
        }
    }
}
