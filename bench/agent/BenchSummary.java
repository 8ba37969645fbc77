import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns run.sh's raw lines into the Markdown table for README. Each raw line is one JVM:
 * {@code case=ID agent=off|on pair=N key=value ...} (the keys HandshakeBench prints, plus {@code records=}).
 *
 * <p>Per case and measure, the ratio agent/no-agent is taken within each interleaved pair, and the table shows the
 * median of the pair ratios with a distribution-free 95 % interval for that median: the order statistics
 * {@code [r(k), r(n+1-k)]} with the largest k for which {@code P(Binomial(n, 1/2) < k) <= 0.025} (the sign-test
 * interval; it assumes only that pairs are independent, not any distribution of the ratios). Start-up is shown as
 * the median of the pair differences in milliseconds, with the same interval.
 *
 * <p>{@code java BenchSummary RAWFILE}
 */
public class BenchSummary {
    /** Targets of issue 10: steady state <= 2 %, early life <= 5 %, start-up <= 100 ms. */
    static final double STEADY_TARGET = 1.02;
    static final double EARLY_TARGET = 1.05;
    static final double STARTUP_TARGET_MS = 100;

    public static void main(String[] args) throws Exception {
        // case -> pair -> agent -> values
        Map<String, Map<Integer, Map<String, Map<String, String>>>> runs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8)) {
            Map<String, String> kv = new LinkedHashMap<>();
            for (String part : line.trim().split("\\s+")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    kv.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            if (!kv.containsKey("case")) {
                continue;
            }
            runs.computeIfAbsent(kv.get("case"), k -> new TreeMap<>())
                    .computeIfAbsent(Integer.parseInt(kv.get("pair")), k -> new LinkedHashMap<>())
                    .put(kv.get("agent"), kv);
        }
        System.out.println("| case | window | wall, without agent | wall ratio [95% CI] | CPU, without agent"
                + " | CPU ratio [95% CI] | process CPU ratio [95% CI] | records/JVM | target (median) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        String startup = null;
        for (Map.Entry<String, Map<Integer, Map<String, Map<String, String>>>> c : runs.entrySet()) {
            List<Map<String, String>[]> pairs = completePairs(c.getValue());
            if (c.getKey().equals("startup")) {
                startup = startupRow(pairs);
                continue;
            }
            int early = Integer.parseInt(pairs.get(0)[0].get("early"));
            System.out.println(row(c.getKey(), "steady state", pairs, "steady_wall_median_us", "steady_cpu_us",
                    "steady_proc_cpu_us", 1, STEADY_TARGET, "median"));
            System.out.println(row(c.getKey(), "early life (first " + early + ")", pairs, "early_wall_us",
                    "early_cpu_us", "early_proc_cpu_us", early, EARLY_TARGET, "mean"));
        }
        if (startup != null) {
            System.out.println();
            System.out.println(startup);
        }
        System.out.println();
        System.out.println(footnote(runs.isEmpty() ? 0 : completePairs(runs.values().iterator().next()).size()));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, String>[]> completePairs(Map<Integer, Map<String, Map<String, String>>> byPair) {
        List<Map<String, String>[]> pairs = new ArrayList<>();
        for (Map<String, Map<String, String>> p : byPair.values()) {
            if (p.containsKey("off") && p.containsKey("on")) {
                pairs.add(new Map[] {p.get("off"), p.get("on")});
            }
        }
        return pairs;
    }

    static String row(String name, String window, List<Map<String, String>[]> pairs, String wall, String cpu,
            String process, int per, double target, String wallStatistic) {
        List<Double> wallRatios = ratios(pairs, wall);
        double median = median(wallRatios);
        double cpuMedian = median(ratios(pairs, cpu));
        String verdict = median <= target && cpuMedian <= target ? "≤ " + pct(target) + ": met"
                : "≤ " + pct(target) + ": **not met**";
        return "| " + name + " | " + window + " | " + micros(median(values(pairs, wall, 0)) / per) + " ("
                + wallStatistic + ")" + " | " + interval(wallRatios) + " | " + micros(median(values(pairs, cpu, 0)) / per)
                + " | " + interval(ratios(pairs, cpu)) + " | " + interval(ratios(pairs, process)) + " | "
                + (long) median(values(pairs, "records", 1)) + " | " + verdict + " |";
    }

    static String startupRow(List<Map<String, String>[]> pairs) {
        List<Double> diffs = new ArrayList<>();
        List<Double> empty = new ArrayList<>();
        List<Double> process = new ArrayList<>();
        for (Map<String, String>[] p : pairs) {
            diffs.add(Double.parseDouble(p[1].get("main_ms")) - Double.parseDouble(p[0].get("main_ms")));
            empty.add(Double.parseDouble(p[1].get("empty_main_ms")) - Double.parseDouble(p[0].get("main_ms")));
            process.add(Double.parseDouble(p[1].get("process_ms")) - Double.parseDouble(p[0].get("process_ms")));
        }
        double added = median(diffs);
        return "| start-up | without agent | added by -javaagent [95% CI] | added by an empty -javaagent"
                + " | whole process, added | target |\n|---|---|---|---|---|---|\n"
                + "| JVM start to main() (" + pairs.size() + " pairs) | " + (long) median(values(pairs, "main_ms", 0))
                + " ms | " + intervalOf(diffs, "%+.0f ms") + " | " + intervalOf(empty, "%+.0f ms") + " | "
                + intervalOf(process, "%+.0f ms") + " | ≤ 100 ms: " + (added <= STARTUP_TARGET_MS ? "met" : "**not met**")
                + " |";
    }

    static List<Double> values(List<Map<String, String>[]> pairs, String key, int side) {
        List<Double> v = new ArrayList<>();
        for (Map<String, String>[] p : pairs) {
            v.add(Double.parseDouble(p[side].getOrDefault(key, "0")));
        }
        return v;
    }

    static List<Double> ratios(List<Map<String, String>[]> pairs, String key) {
        List<Double> r = new ArrayList<>();
        for (Map<String, String>[] p : pairs) {
            r.add(Double.parseDouble(p[1].get(key)) / Double.parseDouble(p[0].get(key)));
        }
        return r;
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static String interval(List<Double> ratios) {
        return intervalOf(ratios, "%.3f");
    }

    /** Median [lower, upper] of the distribution-free interval; with fewer than 6 pairs no 95 % interval exists. */
    static String intervalOf(List<Double> v, String format) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        int k = orderStatistic(n);
        String m = String.format(Locale.ROOT, format, median(s));
        if (k == 0) {
            return m + " (n=" + n + ", range " + String.format(Locale.ROOT, format, s.get(0)) + ".."
                    + String.format(Locale.ROOT, format, s.get(n - 1)) + ")";
        }
        return m + " [" + String.format(Locale.ROOT, format, s.get(k - 1)) + ", "
                + String.format(Locale.ROOT, format, s.get(n - k)) + "]";
    }

    /** How the intervals were taken, with the exact coverage for this many pairs. */
    static String footnote(int n) {
        int k = orderStatistic(n);
        if (k == 0) {
            return "Ratios: agent/no-agent within each JVM pair; median of the pairs. With " + n
                    + " pairs no distribution-free 95 % interval exists (at least 6 are needed): the range is shown.";
        }
        double tail = 0;
        for (int j = 0; j < k; j++) {
            tail += binomial(n, j) / Math.pow(2, n);
        }
        return String.format(Locale.ROOT, "Ratios: agent/no-agent within each JVM pair; median of the %d pairs, with"
                + " the distribution-free (sign-test) interval [r(%d), r(%d)] of the sorted pair ratios, coverage"
                + " %.1f %% (at least 95 %%).", n, k, n + 1 - k, (1 - 2 * tail) * 100);
    }

    /** The largest k >= 1 with P(Binomial(n, 1/2) <= k - 1) <= 0.025, or 0 when there is none (n < 6). */
    static int orderStatistic(int n) {
        int k = 0;
        double cumulative = 0;
        for (int j = 0; j <= n; j++) {
            cumulative += binomial(n, j) / Math.pow(2, n);
            if (cumulative > 0.025) {
                break;
            }
            k = j + 1;
        }
        return k;
    }

    static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    static String micros(double us) {
        return us >= 10000 ? String.format(Locale.ROOT, "%.1f ms", us / 1000) : String.format(Locale.ROOT, "%.0f µs", us);
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", (ratio - 1) * 100);
    }
}
