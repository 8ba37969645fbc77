package io.tlscompat.maven;

import io.tlscompat.core.client.JdbcTarget;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Finds every SQL Server URL ({@code jdbc:sqlserver:}, {@code jdbc:jtds:sqlserver:}, {@code r2dbc:mssql:}), under
 * whatever key, in the Spring Boot style configuration files of {@code src/main/resources}: {@code application.yml},
 * {@code application.yaml}, {@code application.properties}, then {@code application-{profile}.*}. Properties files
 * are read by {@link PropertiesFileReader}, YAML by {@link YamlFileReader}. Placeholders are resolved with a
 * {@link PlaceholderResolver}; one that cannot be resolved is returned, named with its file and line.
 *
 * <p>Which values count: with no profile chosen, every value in every file and document (each is what some
 * deployment runs with). With profiles chosen, only the default documents and those of the chosen profiles, and for
 * one key the value Spring Boot would use wins: a profile's over the default, a later chosen profile's over an
 * earlier one's, a later document's over an earlier one's, and {@code .properties} over YAML in the same place.
 */
final class ConfigFileDiscovery {
    /** The folder read, relative to the project. */
    static final String RESOURCES = "src/main/resources";

    /** One SQL Server URL found, placeholders resolved. */
    static final class Found {
        final String url;
        final ConfigEntry entry;

        Found(String url, ConfigEntry entry) {
            this.url = url;
            this.entry = entry;
        }
    }

    /** A value that could be a SQL Server URL but has a placeholder that nothing defines. */
    static final class Unresolved {
        final String placeholder;
        final ConfigEntry entry;
        final boolean sqlServerUrl;

        Unresolved(String placeholder, ConfigEntry entry, boolean sqlServerUrl) {
            this.placeholder = placeholder;
            this.entry = entry;
            this.sqlServerUrl = sqlServerUrl;
        }
    }

    /** What was found: URLs, placeholders nothing defines, and every profile the files mention. */
    static final class Result {
        final List<Found> found = new ArrayList<>();
        final List<Unresolved> unresolved = new ArrayList<>();
        final Set<String> profiles = new java.util.TreeSet<>();
    }

    private ConfigFileDiscovery() {
    }

    /**
     * @param chosenProfiles the profiles to check ({@code <springProfiles>}); empty means every one found
     * @param sources        where placeholders are looked up, before the configuration's own keys
     * @throws IllegalArgumentException for a YAML file SnakeYAML cannot read, naming the file and the position
     */
    static Result discover(File basedir, List<String> chosenProfiles, List<Function<String, String>> sources)
            throws IOException {
        List<ConfigEntry> entries = new ArrayList<>();
        for (File f : files(new File(basedir, RESOURCES), chosenProfiles)) {
            entries.addAll(read(f));
        }
        Result result = new Result();
        for (ConfigEntry e : entries) {
            if (e.profile != null) {
                result.profiles.addAll(names(e.profile));
            }
        }
        List<ConfigEntry> chosen = chosenProfiles.isEmpty() ? entries : winners(entries, chosenProfiles);
        Map<String, String> keys = new LinkedHashMap<>();
        for (ConfigEntry e : chosen) {
            keys.put(e.key, e.value);
        }
        List<Function<String, String>> all = new ArrayList<>(sources);
        all.add(keys::get);
        PlaceholderResolver resolver = new PlaceholderResolver(all);
        for (ConfigEntry e : chosen) {
            String raw = e.value.trim();
            boolean url = JdbcTarget.looksLikeSqlServerUrl(raw);
            boolean maybeUrl = !url && raw.startsWith("${") && e.key.toLowerCase(Locale.ROOT).endsWith("url");
            if (!url && !maybeUrl) {
                continue;
            }
            PlaceholderResolver.Result r = resolver.resolve(raw);
            if (!r.unresolved.isEmpty()) {
                result.unresolved.add(new Unresolved(r.unresolved.get(0), e, url));
            } else if (JdbcTarget.looksLikeSqlServerUrl(r.value)) {
                result.found.add(new Found(r.value, e));
            }
        }
        return result;
    }

    /** Spring Boot's order for one location: YAML before properties (the latter wins), the default before profiles. */
    private static List<File> files(File dir, List<String> chosenProfiles) {
        List<File> out = new ArrayList<>();
        String[] extensions = {"yml", "yaml", "properties"};
        for (String ext : extensions) {
            add(new File(dir, "application." + ext), out);
        }
        List<String> profiles = new ArrayList<>(chosenProfiles);
        if (profiles.isEmpty()) {
            String[] names = dir.list();
            Arrays.sort(names == null ? new String[0] : names);
            for (String n : names == null ? new String[0] : names) {
                String p = profileOf(n);
                if (p != null && !profiles.contains(p)) {
                    profiles.add(p);
                }
            }
        }
        for (String p : profiles) {
            for (String ext : extensions) {
                add(new File(dir, "application-" + p + "." + ext), out);
            }
        }
        return out;
    }

    private static void add(File f, List<File> out) {
        if (f.isFile()) {
            out.add(f);
        }
    }

    /** {@code prod} for {@code application-prod.yml}, else null. */
    static String profileOf(String fileName) {
        if (!fileName.startsWith("application-")) {
            return null;
        }
        for (String ext : new String[] {".yml", ".yaml", ".properties"}) {
            if (fileName.endsWith(ext) && fileName.length() > "application-".length() + ext.length()) {
                return fileName.substring("application-".length(), fileName.length() - ext.length());
            }
        }
        return null;
    }

    private static List<ConfigEntry> read(File f) throws IOException {
        String rel = RESOURCES + "/" + f.getName();
        String profile = profileOf(f.getName());
        if (f.getName().endsWith(".properties")) {
            // ISO 8859-1, as Properties.load(InputStream) reads it; anything else is written as a unicode escape.
            String text = new String(Files.readAllBytes(f.toPath()), StandardCharsets.ISO_8859_1);
            return PropertiesFileReader.read(text, rel, profile);
        }
        String text = new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8);
        try {
            return YamlFileReader.read(text, rel, profile);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(String.format(MojoMessages.BAD_YAML, rel,
                    e.getMessage().replaceAll("\\s+", " ").trim()), e);
        }
    }

    /** For chosen profiles: the entries Spring Boot would use, the last definition of each key winning. */
    private static List<ConfigEntry> winners(List<ConfigEntry> entries, List<String> chosen) {
        Map<String, ConfigEntry> byKey = new LinkedHashMap<>();
        // Documents of a chosen profile override the default ones, in the order the profiles are chosen.
        for (int pass = -1; pass < chosen.size(); pass++) {
            for (ConfigEntry e : entries) {
                boolean take = pass < 0 ? e.profile == null
                        : e.profile != null && lastChosen(names(e.profile), chosen) == pass;
                if (take) {
                    byKey.remove(e.key);
                    byKey.put(e.key, e);
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static int lastChosen(Collection<String> names, List<String> chosen) {
        int at = -1;
        for (String n : names) {
            at = Math.max(at, chosen.indexOf(n));
        }
        return at;
    }

    /**
     * The profile names of an {@code on-profile} value: {@code prod}, {@code prod,eu} or an expression such as
     * {@code prod & !eu}, of which the names not negated are kept.
     */
    static Set<String> names(String profileExpression) {
        Set<String> out = new HashSet<>();
        for (String part : profileExpression.split("[,|&()\\s]+")) {
            if (!part.isEmpty() && !part.startsWith("!")) {
                out.add(part);
            }
        }
        return out;
    }
}
