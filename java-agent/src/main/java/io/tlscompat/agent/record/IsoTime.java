package io.tlscompat.agent.record;

/**
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} (UTC) for record times, without {@code SimpleDateFormat}: formatting every
 * record through the JDK's locale-aware formatter was a visible share of the writer thread's time per record. The
 * date part is computed once per day and reused.
 */
final class IsoTime {
    private static final long MILLIS_PER_DAY = 86400000L;

    /** The last day formatted and its {@code yyyy-MM-dd'T'} prefix; replaced as a whole, so threads can share it. */
    private static final class Day {
        final long number;
        final String prefix;

        Day(long number, String prefix) {
            this.number = number;
            this.prefix = prefix;
        }
    }

    private static volatile Day last = new Day(Long.MIN_VALUE, "");

    private IsoTime() {
    }

    static String format(long epochMillis) {
        long dayNumber = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        Day day = last;
        if (day.number != dayNumber) {
            day = new Day(dayNumber, datePrefix(dayNumber));
            last = day;
        }
        int ms = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        StringBuilder sb = new StringBuilder(24).append(day.prefix);
        two(sb, ms / 3600000);
        sb.append(':');
        two(sb, ms / 60000 % 60);
        sb.append(':');
        two(sb, ms / 1000 % 60);
        sb.append('.');
        int milli = ms % 1000;
        sb.append((char) ('0' + milli / 100)).append((char) ('0' + milli / 10 % 10)).append((char) ('0' + milli % 10));
        return sb.append('Z').toString();
    }

    /** Civil date of a day number since 1970-01-01 (proleptic Gregorian, H. Hinnant's days_from_civil inverse). */
    private static String datePrefix(long days) {
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        StringBuilder sb = new StringBuilder(11);
        String year = Long.toString(y);
        for (int i = year.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(year).append('-');
        two(sb, m);
        sb.append('-');
        two(sb, d);
        return sb.append('T').toString();
    }

    private static void two(StringBuilder sb, int n) {
        sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }
}
