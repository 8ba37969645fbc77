package io.tlscompat.maven;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML file with SnakeYAML's composer, which keeps every node's position: nested and flow mappings,
 * sequences, quoting, comments and anchors are SnakeYAML's business. Keys are flattened as Spring Boot flattens them
 * ({@code spring.datasource.url}, {@code app.datasources[0].url}); each {@code ---} document may carry its own
 * {@code spring.config.activate.on-profile} (or the older {@code spring.profiles}). Nothing is constructed into
 * Java objects, so no type tag in the file can run code.
 */
final class YamlFileReader {
    private YamlFileReader() {
    }

    /**
     * @param fileProfile the profile of the whole file ({@code application-prod.yml}), or null
     * @throws YAMLException for a file that is not YAML, with its position
     */
    static List<ConfigEntry> read(String text, String path, String fileProfile) {
        List<ConfigEntry> out = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        for (Node document : new Yaml(options).composeAll(new StringReader(text))) {
            List<ConfigEntry> entries = new ArrayList<>();
            flatten(document, "", path, entries);
            String profile = fileProfile;
            for (ConfigEntry e : entries) {
                if (e.key.equals(PropertiesFileReader.ON_PROFILE) || e.key.equals("spring.profiles")) {
                    profile = e.value;
                }
            }
            for (ConfigEntry e : entries) {
                out.add(new ConfigEntry(e.key, e.value, e.path, e.line, profile));
            }
        }
        return out;
    }

    private static void flatten(Node node, String prefix, String path, List<ConfigEntry> out) {
        if (node instanceof MappingNode) {
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                if (t.getKeyNode() instanceof ScalarNode) {
                    String key = ((ScalarNode) t.getKeyNode()).getValue();
                    flatten(t.getValueNode(), prefix.isEmpty() ? key : prefix + "." + key, path, out);
                }
            }
        } else if (node instanceof SequenceNode) {
            List<Node> items = ((SequenceNode) node).getValue();
            for (int i = 0; i < items.size(); i++) {
                flatten(items.get(i), prefix + "[" + i + "]", path, out);
            }
        } else if (node instanceof ScalarNode && !prefix.isEmpty()) {
            out.add(new ConfigEntry(prefix, ((ScalarNode) node).getValue(), path,
                    node.getStartMark().getLine() + 1, null));
        }
    }
}
